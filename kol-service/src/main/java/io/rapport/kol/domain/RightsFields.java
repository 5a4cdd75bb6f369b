package io.rapport.kol.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.FieldError;

/**
 * Refuses the rights in a profile document (create, CRM upsert, import row, merge patch). Leaving them out of
 * {@link KolProfile} is not enough: the strict reader would answer "unknown property", and a client that sends
 * an objection with a profile must learn where an objection goes, not that the field does not exist. Any
 * value counts, null included: a null once meant "reset to the defaults".
 */
public final class RightsFields {

    /** The problem type of a profile document that carries rights. */
    public static final String TYPE = "rights-not-in-profile";

    /** Each rights member a client may try to send with a profile, and the endpoints that change it instead. */
    static final Map<String, String> ENDPOINTS = endpoints();

    private RightsFields() {
    }

    private static Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        String protection = "POST or DELETE /api/v1/kols/{id}/objection, PUT /api/v1/kols/{id}/consents/{purpose}, "
                + "PUT /api/v1/kols/{id}/lawful-basis, PUT /api/v1/kols/{id}/privacy-notice";
        endpoints.put("dataProtection", protection);
        endpoints.put("doNotContact", "PUT or DELETE /api/v1/kols/{id}/do-not-contact");
        // the CSV column of the bulk import (it once wrote dataProtection.lawfulBasis)
        endpoints.put("lawfulBasis", "PUT /api/v1/kols/{id}/lawful-basis");
        return endpoints;
    }

    /**
     * The rights among the members of a profile document (or merge patch), each as a field error naming its
     * endpoints. The edge passes the names of the document's top-level members, whatever their values.
     */
    public static List<FieldError> in(Collection<String> members) {
        List<FieldError> errors = new ArrayList<>();
        ENDPOINTS.forEach((field, endpoints) -> {
            if (members.contains(field)) {
                errors.add(new FieldError(field, message(field)));
            }
        });
        return errors;
    }

    /** What a rejected row or body says about a rights member: it is not part of the profile, and where it goes. */
    public static String message(String field) {
        return "a KOL's rights are not part of the profile; change " + field + " with " + ENDPOINTS.get(field);
    }

    /** 400 when the document's members include rights; the detail names the endpoints to use. */
    public static void refuse(Collection<String> members) {
        List<FieldError> errors = in(members);
        if (!errors.isEmpty()) {
            throw refusal(errors);
        }
    }

    /** The 400 ({@value #TYPE}) refusing these rights fields. */
    public static DomainException refusal(List<FieldError> errors) {
        String endpoints = String.join("; ", errors.stream().map(e -> e.field() + ": " + ENDPOINTS.get(e.field()))
                .toList());
        return new DomainException(DomainException.Kind.INVALID, TYPE, "The KOL's data-protection rights are changed "
                + "only by the rights endpoints, never with the profile (" + endpoints + ")", errors);
    }
}
