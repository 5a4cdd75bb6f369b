package io.rapport.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Signs bearer tokens with the repository's dev key, for tests and local runs only: the services' {@code prod}
 * profile refuses this key. {@code deploy/dev-token} and every test mint their tokens here, the same way.
 */
public final class DevTokens {

    /** The issuer the services expect in the dev and test profiles. */
    public static final String ISSUER = "https://rapport.dev/issuer";
    /**
     * The audience every service expects by default ({@code mp.jwt.verify.audiences}): a token the identity
     * provider issued for another application is refused even when its signature and issuer are right.
     */
    public static final String AUDIENCE = "rapport";
    public static final List<String> ROLES = List.of("msl", "medical-manager", "admin", "integration", "reporting");

    private static final PrivateKey KEY = loadKey();
    private static final Signer DEV = new Signer(KEY, ISSUER);

    private DevTokens() {
    }

    /** Who signs a token: a private key, and the issuer it signs for. */
    public record Signer(PrivateKey key, String issuer) {
    }

    /** What a token says: who it is for, the optional {@code team} claim, how long it is valid, and the roles. */
    private record Claims(String audience, String subject, String team, Duration ttl, List<String> roles) {
    }

    /**
     * A token for {@code subject} with the given roles.
     *
     * @param team the optional {@code team} claim (null for none)
     * @throws IllegalArgumentException for a role Rapport does not know
     */
    public static String mint(String subject, String team, Duration ttl, String... roles) {
        return mint(DEV, subject, team, ttl, roles);
    }

    /** The same, signed with another key for another issuer (the local suite's own key pair). */
    public static String mint(Signer signer, String subject, String team, Duration ttl, String... roles) {
        return sign(signer, new Claims(AUDIENCE, subject, team, ttl, List.of(roles)));
    }

    /**
     * A one-hour dev token for another audience, or without any ({@code audience} null): the services refuse
     * both; for the tests that prove it.
     */
    public static String mintForAudience(String audience, String subject, String... roles) {
        return sign(DEV, new Claims(audience, subject, null, Duration.ofHours(1), List.of(roles)));
    }

    private static String sign(Signer signer, Claims token) {
        Set<String> groups = new LinkedHashSet<>(token.roles());
        for (String role : groups) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("Unknown role '" + role + "'; one of " + ROLES);
            }
        }
        var jwt = Jwt.issuer(signer.issuer()).subject(token.subject()).upn(token.subject()).groups(groups)
                .expiresIn(token.ttl());
        if (token.audience() != null) {
            jwt.audience(token.audience());
        }
        if (token.team() != null) {
            jwt.claim("team", token.team());
        }
        return jwt.jws().keyId(signer.key() == KEY ? "rapport-dev" : "rapport-local").sign(signer.key());
    }

    /** A one-hour token. */
    public static String mint(String subject, String... roles) {
        return mint(subject, null, Duration.ofHours(1), roles);
    }

    private static PrivateKey loadKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-keys/privateKey.pem")) {
            if (in == null) {
                throw new DevstackException("dev-keys/privateKey.pem is missing from the devstack jar");
            }
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new DevstackException("Cannot read the dev private key: " + e.getMessage(), e);
        }
    }
}
