package io.rapport.platform;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rapport.platform.security.JwksServer;
import io.rapport.testing.Tokens;
import io.smallrye.jwt.build.Jwt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/**
 * Production reads the identity provider's keys from its JWKS URL, so keys rotate without a redeploy. The test
 * application runs with {@code mp.jwt.verify.publickey.location} pointing at a key set served over HTTP and the
 * platform's own JWKS refresh settings. The methods run in order: the set is cached, and a token naming a key
 * id the cache lacks forces at most one re-read a minute.
 */
@QuarkusTest
@TestProfile(JwksKeysTest.IdentityProvider.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JwksKeysTest {

    static final String ISSUER = "https://login.example.test/rapport";
    private static final String NOTES = "/api/v1/notes";
    private static final KeyPair FIRST = JwksServer.newKeyPair();
    private static final KeyPair SECOND = JwksServer.newKeyPair();

    public static class IdentityProvider implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.issuer", ISSUER);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(JwksServer.Resource.class));
        }
    }

    @Test
    @Order(1)
    void shouldAcceptATokenSignedByAKeyOfTheIdentityProvidersKeySet() {
        JwksServer.Resource.server().publish(Map.of("idp-1", (RSAPublicKey) FIRST.getPublic()));
        given().header("Authorization", token(FIRST, "idp-1", "rapport", "msl-ada")).get(NOTES).then().statusCode(200);
    }

    @Test
    @Order(2)
    void shouldRefuseATokenForAnotherAudienceOrWithoutOneFromTheSameKey() {
        given().header("Authorization", token(FIRST, "idp-1", "another-app", "msl-ada")).get(NOTES).then()
                .statusCode(401).contentType("application/problem+json").body("type", endsWith("/unauthorized"));
        given().header("Authorization", token(FIRST, "idp-1", null, "msl-ada")).get(NOTES).then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void shouldAcceptTheRotatedKeyWithoutARestartAndRefuseTheRetiredOne() {
        JwksServer idp = JwksServer.Resource.server();
        int readsBefore = idp.reads();
        idp.publish(Map.of("idp-2", (RSAPublicKey) SECOND.getPublic()));

        given().header("Authorization", token(SECOND, "idp-2", "rapport", "msl-bob")).get(NOTES).then().statusCode(200);
        assertThat(idp.reads()).as("the new key id made the service re-read the set").isGreaterThan(readsBefore);
        given().header("Authorization", token(FIRST, "idp-1", "rapport", "msl-carol")).get(NOTES).then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(4)
    void shouldRefuseTheDevKeyWhenTheKeysComeFromTheIdentityProvider() {
        given().header("Authorization", Tokens.bearer("msl-ada", "msl")).get(NOTES).then().statusCode(401);
    }

    @Test
    @Order(5)
    void shouldPassTheProductionKeyGuardWithAJwksUrl() {
        var config = ConfigProvider.getConfig();
        assertThat(io.rapport.platform.security.ProdKeyGuardAccess.problem(
                config.getOptionalValue("mp.jwt.verify.publickey.location", String.class),
                config.getOptionalValue("mp.jwt.verify.publickey", String.class),
                config.getOptionalValue("mp.jwt.verify.issuer", String.class),
                config.getOptionalValue("mp.jwt.verify.audiences", String.class))).isNull();
    }

    private static String token(KeyPair key, String keyId, String audience, String subject) {
        var claims = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups("msl");
        if (audience != null) {
            claims.audience(audience);
        }
        return "Bearer " + claims.jws().keyId(keyId).sign(key.getPrivate());
    }
}
