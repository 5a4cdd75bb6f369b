package io.rapport.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The repository's dev key pair is public, so a token signed with it proves nothing. Outside the {@code dev}
 * and {@code test} profiles (prod, or any profile an installation names, such as {@code staging}) the service
 * refuses to start when it would verify tokens with the dev public key, in whatever form it is configured (PEM,
 * JWK, or a JWKS file or URL that holds it), or when no issuer or audience is configured to check.
 */
@jakarta.enterprise.context.ApplicationScoped
public class ProdKeyGuard {

    static final String DEV_KEY_RESOURCE = "META-INF/rapport/dev-keys/publicKey.pem";
    static final String DEV_ISSUER = "https://rapport.dev/issuer";
    /** The only profiles in which the dev key may verify tokens. */
    static final Set<String> DEV_PROFILES = Set.of("dev", "test");
    private static final Logger LOG = Logger.getLogger(ProdKeyGuard.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    private static final String UNSET = "NONE";

    void check(@Observes StartupEvent start,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> inlineKey,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<String> audiences) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (!guarded(LaunchMode.current(), profiles)) {
            return;
        }
        String problem = problem(keyLocation, inlineKey, issuer, audiences);
        if (problem != null) {
            throw new IllegalStateException("Refusing to start in the " + String.join(",", profiles) + " profile: "
                    + problem);
        }
    }

    /**
     * Whether a run must not trust the dev key: a packaged application (dev mode and {@code @QuarkusTest} run
     * in their own launch modes) in any profile other than dev or test. A profile list that merely includes
     * dev ({@code prod,dev}) is guarded too: only a run that is nothing but dev or test may use the dev key.
     */
    static boolean guarded(LaunchMode mode, List<String> profiles) {
        return mode == LaunchMode.NORMAL && (profiles.isEmpty() || !DEV_PROFILES.containsAll(profiles));
    }

    /** Why this configuration must not run outside dev and test, or null when it may. */
    static String problem(Optional<String> keyLocation, Optional<String> inlineKey, Optional<String> issuer,
            Optional<String> audiences) {
        if (issuer.isEmpty() || issuer.get().isBlank()) {
            return "no issuer to verify (set mp.jwt.verify.issuer)";
        }
        if (DEV_ISSUER.equals(issuer.get().trim())) {
            return "the issuer is the dev issuer " + DEV_ISSUER;
        }
        if (audiences.isEmpty() || audiences.get().isBlank()) {
            return "no audience to verify (set mp.jwt.verify.audiences)";
        }
        // Quarkus reports an unset inline key as NONE: that must not hide the key location from this check.
        Optional<String> inline = inlineKey.filter(k -> !k.isBlank() && !UNSET.equals(k.trim()));
        Optional<String> location = keyLocation.filter(k -> !k.isBlank());
        if (inline.isEmpty() && location.isEmpty()) {
            return "no public key to verify tokens (set mp.jwt.verify.publickey.location)";
        }
        String key;
        if (inline.isPresent()) {
            key = inline.get();
        } else if (isUrl(location.get())) {
            key = fetch(location.get());
            if (key == null) {
                // The identity provider may be briefly unreachable during a rollout; the services then refuse
                // every token until they can read its key set, so starting is safe. The check runs on next start.
                LOG.warnf("Cannot read the key set at %s now; it is checked for the dev key on the next start",
                        location.get());
                return null;
            }
        } else {
            key = read(location.get());
            if (key == null) {
                return "no public key at " + location.get();
            }
        }
        List<BigInteger> moduli = rsaModuli(key);
        if (moduli.isEmpty()) {
            return "the configured public key is neither a PEM public key nor a JWK or JWK set";
        }
        if (moduli.contains(devModulus())) {
            return "the configured public key is the repository's dev key; use the identity provider's key "
                    + "(a mounted public key or its JWKS URL)";
        }
        return null;
    }

    /** The RSA moduli of the keys a PEM key, a JWK, a JWK set or a Base64URL-encoded JWK set holds. */
    static List<BigInteger> rsaModuli(String keyMaterial) {
        String text = keyMaterial.strip();
        List<BigInteger> moduli = new ArrayList<>();
        if (!text.startsWith("{")) {
            try {
                add(moduli, KeyUtils.decodePublicKey(text));
                return moduli;
            } catch (Exception notPem) {
                try {
                    text = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).strip();
                } catch (IllegalArgumentException notBase64Url) {
                    return moduli;
                }
            }
        }
        try {
            List<JsonWebKey> keys = text.contains("\"keys\"") ? new JsonWebKeySet(text).getJsonWebKeys()
                    : List.of(JsonWebKey.Factory.newJwk(text));
            for (JsonWebKey jwk : keys) {
                if (jwk instanceof PublicJsonWebKey publicJwk) {
                    add(moduli, publicJwk.getPublicKey());
                }
            }
        } catch (Exception notJwk) {
            // not a key this guard can read; smallrye-jwt will refuse it as well
            LOG.debugf("Not a JWK or JWK set: %s", notJwk.toString());
        }
        return moduli;
    }

    private static void add(List<BigInteger> moduli, PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            moduli.add(rsa.getModulus());
        }
    }

    private static BigInteger devModulus() {
        return rsaModuli(read("classpath:" + DEV_KEY_RESOURCE)).get(0);
    }

    private static boolean isUrl(String location) {
        return location.startsWith("https:") || location.startsWith("http:");
    }

    private static String fetch(String url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(FETCH_TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String read(String location) {
        try {
            if (location.startsWith("classpath:") || !location.contains(":")) {
                String resource = location.replaceFirst("^classpath:", "").replaceFirst("^/", "");
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in != null) {
                        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                    }
                }
                if (location.startsWith("classpath:")) {
                    return null;
                }
            }
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return Files.exists(path) ? Files.readString(path) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
