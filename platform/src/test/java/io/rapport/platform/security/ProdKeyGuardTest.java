package io.rapport.platform.security;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.jwt.util.KeyUtils;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("unit")
class ProdKeyGuardTest {

    private static final Optional<String> DEV_KEY = Optional.of("classpath:" + ProdKeyGuard.DEV_KEY_RESOURCE);
    private static final Optional<String> ISSUER = Optional.of("https://login.example.com");
    private static final Optional<String> AUDIENCE = Optional.of("rapport");

    @Test
    void shouldGuardEveryProfileButDevAndTest() {
        assertThat(ProdKeyGuard.guarded(LaunchMode.NORMAL, List.of("prod"))).isTrue();
        assertThat(ProdKeyGuard.guarded(LaunchMode.NORMAL, List.of("staging"))).isTrue();
        assertThat(ProdKeyGuard.guarded(LaunchMode.NORMAL, List.of("prod", "dev"))).as("prod,dev is not dev").isTrue();
        assertThat(ProdKeyGuard.guarded(LaunchMode.NORMAL, List.of())).isTrue();
        assertThat(ProdKeyGuard.guarded(LaunchMode.NORMAL, List.of("dev"))).as("the Kubernetes dev overlay").isFalse();
        assertThat(ProdKeyGuard.guarded(LaunchMode.NORMAL, List.of("test"))).isFalse();
        assertThat(ProdKeyGuard.guarded(LaunchMode.DEVELOPMENT, List.of("dev"))).isFalse();
        assertThat(ProdKeyGuard.guarded(LaunchMode.TEST, List.of("test"))).isFalse();
    }

    @Test
    void shouldRefuseTheRepositoryDevKeyInProduction() {
        assertThat(ProdKeyGuard.problem(DEV_KEY, Optional.empty(), ISSUER, AUDIENCE)).contains("dev key");
        assertThat(ProdKeyGuard.problem(Optional.empty(), Optional.of(devPem()), ISSUER, AUDIENCE)).contains("dev key");
        assertThat(ProdKeyGuard.problem(DEV_KEY, Optional.of("NONE"), ISSUER, AUDIENCE))
                .as("Quarkus reports an unset inline key as NONE").contains("dev key");
    }

    @Test
    void shouldRefuseTheDevKeyInAJwkSetFileOrInline(@TempDir Path dir) throws Exception {
        String devJwk = new RsaJsonWebKey(devKey()).toJson();
        String devSet = "{\"keys\":[" + new RsaJsonWebKey((RSAPublicKey) JwksServer.newKeyPair().getPublic()).toJson()
                + "," + devJwk + "]}";
        Path file = Files.writeString(dir.resolve("jwks.json"), devSet);
        assertThat(ProdKeyGuard.problem(Optional.of(file.toUri().toString()), Optional.empty(), ISSUER, AUDIENCE))
                .contains("dev key");
        assertThat(ProdKeyGuard.problem(Optional.empty(), Optional.of(devJwk), ISSUER, AUDIENCE)).contains("dev key");
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(devSet.getBytes(StandardCharsets.UTF_8));
        assertThat(ProdKeyGuard.problem(Optional.empty(), Optional.of(encoded), ISSUER, AUDIENCE)).contains("dev key");
    }

    @Test
    void shouldRefuseAJwksUrlThatPublishesTheDevKey() {
        try (JwksServer idp = new JwksServer()) {
            idp.publish(Map.of("idp-1", (RSAPublicKey) JwksServer.newKeyPair().getPublic(), "stolen", devKey()));
            assertThat(ProdKeyGuard.problem(Optional.of(idp.url()), Optional.empty(), ISSUER, AUDIENCE))
                    .contains("dev key");
        }
    }

    @Test
    void shouldAcceptTheIdentityProvidersJwksUrl() {
        try (JwksServer idp = new JwksServer()) {
            idp.publish(Map.of("idp-1", (RSAPublicKey) JwksServer.newKeyPair().getPublic()));
            assertThat(ProdKeyGuard.problem(Optional.of(idp.url()), Optional.empty(), ISSUER, AUDIENCE)).isNull();
            assertThat(idp.reads()).as("the guard read the published set").isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseToRunWithoutAnIssuerOrWithTheDevIssuer() {
        assertThat(ProdKeyGuard.problem(DEV_KEY, Optional.empty(), Optional.empty(), AUDIENCE)).contains("issuer");
        assertThat(ProdKeyGuard.problem(DEV_KEY, Optional.empty(), Optional.of(ProdKeyGuard.DEV_ISSUER), AUDIENCE))
                .contains("issuer");
    }

    @Test
    void shouldRefuseToRunWithoutAnAudience() {
        String otherKey = pem((RSAPublicKey) JwksServer.newKeyPair().getPublic());
        assertThat(ProdKeyGuard.problem(Optional.empty(), Optional.of(otherKey), ISSUER, Optional.empty()))
                .contains("audience");
        assertThat(ProdKeyGuard.problem(Optional.empty(), Optional.of(otherKey), ISSUER, Optional.of(" ")))
                .contains("audience");
    }

    @Test
    void shouldAcceptAnotherKeyWithAnIssuerAndAnAudience(@TempDir Path dir) throws Exception {
        String otherKey = pem((RSAPublicKey) JwksServer.newKeyPair().getPublic());
        assertThat(ProdKeyGuard.problem(Optional.empty(), Optional.of(otherKey), ISSUER, AUDIENCE)).isNull();
        Path mounted = Files.writeString(dir.resolve("publicKey.pem"), otherKey);
        assertThat(ProdKeyGuard.problem(Optional.of("file:" + mounted), Optional.empty(), ISSUER, AUDIENCE)).isNull();
        assertThat(ProdKeyGuard.problem(Optional.empty(), Optional.empty(), ISSUER, AUDIENCE)).contains("no public key");
        assertThat(ProdKeyGuard.problem(Optional.of("file:" + dir.resolve("missing.pem")), Optional.empty(), ISSUER,
                AUDIENCE)).contains("no public key");
    }

    private static String devPem() {
        try (InputStream in = ProdKeyGuardTest.class.getClassLoader().getResourceAsStream(ProdKeyGuard.DEV_KEY_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAPublicKey devKey() {
        try {
            return (RSAPublicKey) KeyUtils.decodePublicKey(devPem());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(RSAPublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}
