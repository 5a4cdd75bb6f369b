package io.rapport.insight.domain;

import java.net.URI;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.rapport.platform.validation.Identifiers;

/** A reference backing an insight or identifying a resource: a PubMed id, a DOI, a trial (NCT) or a URL. */
public record Evidence(@NotNull Type type, @NotBlank @Size(max = 500) String value) {

    public enum Type {
        PMID,
        DOI,
        NCT,
        URL
    }

    @JsonIgnore
    @AssertTrue(message = "not a valid reference of its type (PMID: 1-8 digits; DOI: 10.<registrant>/<suffix>; "
            + "NCT: NCT + 8 digits; URL: http(s)://...)")
    public boolean isWellFormed() {
        if (type == null || value == null) {
            return true;
        }
        return switch (type) {
            case PMID -> Identifiers.isPmid(value);
            case DOI -> Identifiers.isDoi(value);
            case NCT -> Identifiers.isNct(value);
            case URL -> isHttpUrl(value);
        };
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
