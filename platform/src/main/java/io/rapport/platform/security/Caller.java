package io.rapport.platform.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: the token's subject (the user id) and roles. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String subject() {
        return token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isAny(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /**
     * A caller known only by subject and roles, for domain calls that come with no HTTP request (a job acting for
     * someone, a unit test of the rules). An anonymous class on purpose: CDI never takes it for a second bean.
     */
    public static Caller of(String subject, String... roles) {
        Set<String> held = Set.of(roles);
        return new Caller(null, null) {
            @Override
            public String subject() {
                return subject;
            }

            @Override
            public boolean is(String role) {
                return held.contains(role);
            }

            @Override
            public boolean isAny(String... wanted) {
                return java.util.Arrays.stream(wanted).anyMatch(held::contains);
            }

            @Override
            public Set<String> roles() {
                return held;
            }

            @Override
            public Optional<String> teamClaim() {
                return Optional.empty();
            }
        };
    }

    /** The optional {@code team} claim; who manages whom follows the MSL directory, not this claim. */
    public Optional<String> teamClaim() {
        return Optional.ofNullable(token.getClaim("team"));
    }
}
