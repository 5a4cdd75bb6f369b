package io.rapport.interaction;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.testing.DevstackResource;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.EventSender;
import io.rapport.testing.Tokens;

import static org.awaitility.Awaitility.await;

/**
 * KOLs in each rights state, as kol-service publishes them (the documented KOL example, without a frequency cap),
 * each with one interaction Ada recorded while the KOL was still contactable.
 */
final class KolStates {

    /** The rights states a KOL can be in, and the rule a refused new record names. */
    enum State {
        ACTIVE(null),
        ERASED("kol-erased"),
        OBJECTED("kol-objected"),
        CONSENT_WITHDRAWN("consent-withdrawn"),
        DO_NOT_CONTACT("do-not-contact"),
        EMAIL_CONSENT_WITHDRAWN("consent-withdrawn");

        final String rule;

        State(String rule) {
            this.rule = rule;
        }
    }

    /** A KOL and the interaction recorded with them before their state changed. */
    record Kol(String id, String earlierInteraction) {
    }

    private KolStates() {
    }

    static Kol in(State state) {
        String id = UUID.randomUUID().toString();
        publish(id, "rapport.kol.created.v1", 1, base(id, 1));
        Fixtures.awaitReplica("kol", id);
        String earlier = Fixtures.interactionOf(Tokens.msl(Fixtures.ADA), id);
        if (state == State.ERASED) {
            Fixtures.eraseKol(id, 2);
            awaitStatus(id, "ERASED");
            return new Kol(id, earlier);
        }
        ObjectNode data = base(id, 2);
        ObjectNode contactability = (ObjectNode) data.get("contactability");
        switch (state) {
            case OBJECTED -> contactability.put("contactable", false).put("reason", "no-lawful-basis")
                    .put("emailAllowed", false).put("phoneAllowed", false).put("objectedAt", "2026-12-01T09:00:00Z");
            case CONSENT_WITHDRAWN -> {
                contactability.put("contactable", false).put("reason", "no-lawful-basis").put("lawfulBasis", "CONSENT")
                        .put("emailAllowed", false).put("phoneAllowed", false);
                contactability.putObject("consents").put("PROFILING", "WITHDRAWN").put("EMAIL_CONTACT", "WITHDRAWN");
            }
            case DO_NOT_CONTACT -> contactability.put("contactable", false).put("reason", "do-not-contact")
                    .put("doNotContact", true).put("emailAllowed", false).put("phoneAllowed", false);
            case EMAIL_CONSENT_WITHDRAWN -> {
                contactability.put("emailAllowed", false).put("lawfulBasis", "CONSENT");
                contactability.putObject("consents").put("EMAIL_CONTACT", "WITHDRAWN").put("PROFILING", "GRANTED");
            }
            default -> {
                return new Kol(id, earlier);
            }
        }
        publish(id, "rapport.kol.updated.v1", 2, data);
        await().atMost(Duration.ofSeconds(30)).until(() -> "2".equals(DevstackResource.sql(
                "SELECT coalesce((SELECT version FROM replica WHERE kind = 'kol' AND id = '" + id + "'), 0)")));
        return new Kol(id, earlier);
    }

    private static ObjectNode base(String id, long version) {
        ObjectNode data = EventSchemas.example("rapport.kol.created.v1");
        data.put("kolId", id).put("aggregateVersion", version);
        ((ObjectNode) data.get("preferences")).remove("maxContactsPerQuarter");
        return data;
    }

    private static void publish(String id, String type, long version, ObjectNode data) {
        try (EventSender sender = new EventSender()) {
            sender.send("rapport.kol.v1", UUID.randomUUID(), type, id, data);
        }
    }

    static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(DevstackResource.sql(
                "SELECT coalesce((SELECT data ->> 'status' FROM replica WHERE kind = 'kol' AND id = '" + id + "'), '')")));
    }
}
