package io.rapport.kol.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.kol.config.KolConfig;

/**
 * Keyed hashes of identifiers (HMAC-SHA256): after an erasure we must still recognise the KOL's NPI, ORCID or
 * CRM id to refuse re-creating them, without keeping the identifiers.
 */
@ApplicationScoped
public class ErasureHash {

    private final SecretKeySpec key;

    public ErasureHash(KolConfig config) {
        this.key = new SecretKeySpec(config.erasureHashKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public List<String> of(List<String[]> claims) {
        return claims.stream().map(c -> digest(c[0] + ":" + c[1])).toList();
    }

    private String digest(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
