package io.rapport.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonym an erased KOL gets where a record must stay (a legal obligation, a count): the same for the
 * same KOL within one service, so later records line up, and impossible to reverse without the service's key.
 */
public final class Pseudonyms {

    private final SecretKeySpec key;
    private final String service;

    public Pseudonyms(String secret, String service) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("A pseudonym key is required");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.service = service;
    }

    public UUID of(UUID id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return UUID.nameUUIDFromBytes(mac.doFinal((service + ":" + id).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
