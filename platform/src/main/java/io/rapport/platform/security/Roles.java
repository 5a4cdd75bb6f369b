package io.rapport.platform.security;

/** The roles of the {@code groups} claim. */
public final class Roles {

    public static final String MSL = "msl";
    public static final String MEDICAL_MANAGER = "medical-manager";
    public static final String ADMIN = "admin";
    public static final String INTEGRATION = "integration";
    public static final String REPORTING = "reporting";

    private Roles() {
    }
}
