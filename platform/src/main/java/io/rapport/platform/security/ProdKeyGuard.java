package io.rapport.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The repository's dev key pair is public, so a token signed with it proves nothing. In the {@code prod}
 * profile the service refuses to start when it would verify tokens with the dev public key, or when no
 * issuer is configured to check.
 */
@jakarta.enterprise.context.ApplicationScoped
public class ProdKeyGuard {

    static final String DEV_KEY_RESOURCE = "META-INF/rapport/dev-keys/publicKey.pem";
    static final String DEV_ISSUER = "https://rapport.dev/issuer";

    void check(@Observes StartupEvent start,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> inlineKey,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        if (LaunchMode.current() != LaunchMode.NORMAL || !ConfigUtils.isProfileActive("prod")) {
            return;
        }
        String problem = problem(keyLocation, inlineKey, issuer);
        if (problem != null) {
            throw new IllegalStateException("Refusing to start in the prod profile: " + problem);
        }
    }

    /** Why this configuration must not run in production, or null when it may. */
    static String problem(Optional<String> keyLocation, Optional<String> inlineKey, Optional<String> issuer) {
        if (issuer.isEmpty() || issuer.get().isBlank()) {
            return "no issuer to verify (set mp.jwt.verify.issuer)";
        }
        if (DEV_ISSUER.equals(issuer.get())) {
            return "the issuer is the dev issuer " + DEV_ISSUER;
        }
        String key = inlineKey.orElseGet(() -> keyLocation.map(ProdKeyGuard::read).orElse(null));
        if (key == null || key.isBlank()) {
            return "no public key to verify tokens (set mp.jwt.verify.publickey.location)";
        }
        if (normalize(key).equals(normalize(read("classpath:" + DEV_KEY_RESOURCE)))) {
            return "the configured public key is the repository's dev key; mount the production key";
        }
        return null;
    }

    private static String read(String location) {
        try {
            if (location.startsWith("classpath:") || !location.contains(":")) {
                String resource = location.replaceFirst("^classpath:", "").replaceFirst("^/", "");
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return Files.exists(path) ? Files.readString(path) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String normalize(String pem) {
        return pem == null ? "" : pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
