package io.rapport.platform.security;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies each bearer token once, not on every request: a portal or an integration sends the same token
 * thousands of times, and the RS256 check and claim parsing were a quarter of a simple request's CPU. The
 * cache key is the whole token (signature included), so a hit is a token already verified; it is served only
 * until the token expires, and at most ten thousand are kept.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {

    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(30)).build();

    @Inject
    public CachingJwtParser(JWTAuthContextInfo authContextInfo) {
        super(authContextInfo);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken cached = verified.getIfPresent(token);
        long now = System.currentTimeMillis() / 1000;
        if (cached != null && cached.getExpirationTime() > now) {
            return cached;
        }
        JsonWebToken jwt = super.parse(token);
        if (jwt.getExpirationTime() > now) {
            verified.put(token, jwt);
        }
        return jwt;
    }
}
