package io.rapport.testing;

import java.time.Duration;

import io.rapport.devstack.DevTokens;

/** Bearer tokens for tests, minted exactly as {@code deploy/dev-token} mints them. */
public final class Tokens {

    /** The users every service's tests act as: an admin, a reporting job, a CRM integration. */
    public static final String ADMIN = bearer("admin-1", "admin");
    public static final String REPORTING = bearer("report-1", "reporting");
    public static final String INTEGRATION = bearer("crm-sync", "integration");

    private Tokens() {
    }

    /** An MSL's token. */
    public static String msl(String subject) {
        return bearer(subject, "msl");
    }

    /** A medical manager's token. */
    public static String manager(String subject) {
        return bearer(subject, "medical-manager");
    }

    /** {@code Bearer <token>} for a user with one or more roles. */
    public static String bearer(String subject, String... roles) {
        return "Bearer " + DevTokens.mint(subject, roles);
    }

    /** {@code Bearer <token>} with a {@code team} claim. */
    public static String bearer(String subject, String team, String role) {
        return "Bearer " + DevTokens.mint(subject, team, Duration.ofHours(1), role);
    }

    /** A valid dev token for another audience, or for none ({@code audience} null): the services refuse it. */
    public static String forAudience(String audience, String subject, String role) {
        return "Bearer " + DevTokens.mintForAudience(audience, subject, role);
    }

    /** A token that expired an hour ago (signature valid). */
    public static String expired(String subject, String role) {
        return "Bearer " + DevTokens.mint(subject, null, Duration.ofHours(-1), role);
    }
}
