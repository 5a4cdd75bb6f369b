package io.rapport.insight;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.testing.DevstackResource;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.EventSender;
import io.rapport.testing.KolServiceEvents;

import static org.awaitility.Awaitility.await;

/** The rights states a KOL can be in, reached through kol-service's real events (objection, consent, erasure). */
public enum KolStates {

    /** GDPR Art. 17: kol-service erased the KOL. */
    ERASED,
    /** GDPR Art. 21: the KOL objected to the processing resting on legitimate interest. */
    OBJECTED,
    /** The profile rests on consent, and the KOL withdrew the consent to profiling. */
    CONSENT_WITHDRAWN,
    /** The KOL asked not to be contacted. */
    DO_NOT_CONTACT;

    /** Moves the (active, contactable) KOL into this state and waits until the service holds it. */
    public void enter(String kolId) {
        if (this == ERASED) {
            KolServiceEvents.eraseKol(kolId, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> "ERASED".equals(DevstackResource.sql(
                    "SELECT data ->> 'status' FROM replica WHERE kind = 'kol' AND id = '" + kolId + "'")));
            return;
        }
        ObjectNode data = EventSchemas.example("rapport.kol.updated.v1");
        data.put("kolId", kolId).put("aggregateVersion", 2).putArray("assignedMsls").add(Fixtures.ADA);
        ObjectNode c = data.putObject("contactability");
        c.put("contactable", false).put("emailAllowed", false).put("phoneAllowed", false)
                .put("lawfulBasis", "LEGITIMATE_INTEREST").put("doNotContact", false);
        ObjectNode consents = c.putObject("consents");
        switch (this) {
            case OBJECTED -> c.put("reason", "no-lawful-basis").put("objectedAt", "2026-12-01T09:00:00Z");
            case CONSENT_WITHDRAWN -> {
                c.put("reason", "no-lawful-basis").put("lawfulBasis", "CONSENT");
                consents.put("PROFILING", "WITHDRAWN");
            }
            case DO_NOT_CONTACT -> c.put("reason", "do-not-contact").put("doNotContact", true);
            default -> throw new IllegalStateException();
        }
        EventSchemas.assertMatches("rapport.kol.updated.v1", data);
        try (EventSender sender = new EventSender()) {
            sender.send("rapport.kol.v1", UUID.randomUUID(), "rapport.kol.updated.v1", kolId, data);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "2".equals(DevstackResource.sql(
                "SELECT version FROM replica WHERE kind = 'kol' AND id = '" + kolId + "'")));
    }

    /** A new KOL in this state. */
    public String kol() {
        String kolId = Fixtures.kol();
        enter(kolId);
        return kolId;
    }
}
