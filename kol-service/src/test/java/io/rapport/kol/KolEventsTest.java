package io.rapport.kol;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.ReceivedEvent;

import static io.rapport.kol.Fixtures.create;
import static io.rapport.kol.Fixtures.profile;
import static io.rapport.testing.EmittedEvents.ofType;
import static io.rapport.testing.Tokens.msl;
import static org.assertj.core.api.Assertions.assertThat;

/** What kol-service publishes on rapport.kol.v1: the documented shapes, never personal data or free text. */
@QuarkusTest
class KolEventsTest {

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldPublishCreatedAndUpdatedEventsMatchingTheCatalogue() {
        String family = Fixtures.unique("Eventful");
        Map<String, Object> profile = profile(family);
        profile.put("contact", Map.of("email", "eventful@example.org", "phone", "+33 1 23 45 67 89"));
        String interest = Fixtures.unique("Interest") + " resistance in NSCLC";
        profile.put("researchInterests", List.of(interest));
        profile.put("researchTopics", List.of("immunotherapy-resistance", "car-t-persistence"));
        profile.put("preferences", Map.of("channels", List.of("VIDEO"), "meetingLengthMinutes", 45,
                "maxContactsPerQuarter", 2, "notes", "secret note"));
        try (EmittedEvents events = EmittedEvents.on("rapport.kol.v1")) {
            String id = create(msl("msl-ada"), profile).then().statusCode(201).extract().path("id");
            KolResourceTest.patch(msl("msl-ada"), id, "\"1\"", Map.of("tier", 1)).then().statusCode(200);
            KolRightsTest.rights(msl("msl-ada"), "PUT", id, "/do-not-contact", Map.of("reason", "private reason",
                    "requestedBy", "the KOL by phone")).then().statusCode(200);
            ReceivedEvent doNotContact = events.await(e -> id.equals(e.subject())
                    && e.data().path("aggregateVersion").asLong() == 3);
            EventSchemas.assertValid(doNotContact);
            assertThat(doNotContact.data().path("contactability").path("doNotContact").asBoolean()).isTrue();
            assertThat(doNotContact.data().path("contactability").path("reason").asText()).isEqualTo("do-not-contact");
            assertThat(doNotContact.toString()).doesNotContain("private reason", "the KOL by phone");
            ReceivedEvent created = events.await(ofType("rapport.kol.created.v1", id));
            ReceivedEvent updated = events.await(ofType("rapport.kol.updated.v1", id));
            EventSchemas.assertValid(created);
            EventSchemas.assertValid(updated);
            assertThat(created.headers()).containsEntry("ce_source", "/kol-service");
            assertThat(created.data().path("aggregateVersion").asLong()).isEqualTo(1);
            assertThat(updated.data().path("aggregateVersion").asLong()).isEqualTo(2);
            assertThat(created.data().path("researchTopics")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                    .containsExactly("immunotherapy-resistance", "car-t-persistence");
            assertThat(created.data().path("preferences").path("maxContactsPerQuarter").asInt()).isEqualTo(2);
            assertThat(created.data().path("assignedMsls").get(0).asText()).isEqualTo("msl-ada");
            String all = created.toString() + updated;
            assertThat(all).doesNotContain(family, "eventful@example.org", "+33 1", "secret note", "private reason",
                    (String) ((Map<?, ?>) profile.get("identifiers")).get("npi"));
        }
    }

    @Test
    void shouldPublishResearchTopicCodesButNeverTheTypedResearchInterests() {
        String marker = Fixtures.unique("Zqinterest").toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> profile = profile(Fixtures.unique("Topical"));
        profile.put("researchInterests", List.of(marker + " in relapsed myeloma", marker));
        profile.put("researchTopics", List.of("car-t-persistence"));
        try (EmittedEvents events = EmittedEvents.on("rapport.kol.v1")) {
            String id = create(msl("msl-ada"), profile).then().statusCode(201).extract().path("id");
            KolResourceTest.patch(msl("msl-ada"), id, "\"1\"", Map.of("researchInterests", List.of(marker + " again"),
                    "researchTopics", List.of("immunotherapy-resistance", "car-t-persistence"))).then().statusCode(200)
                    .body("researchInterests[0]", org.hamcrest.Matchers.equalTo(marker + " again"));
            ReceivedEvent updated = events.await(ofType("rapport.kol.updated.v1", id));
            EventSchemas.assertValid(updated);
            assertThat(updated.data().path("researchTopics")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                    .containsExactly("immunotherapy-resistance", "car-t-persistence");
            assertThat(updated.data().has("researchInterests")).isFalse();
            assertThat(updated.data().has("researchInterestTags")).isFalse();
            List<ReceivedEvent> all = events.drain(java.time.Duration.ofMillis(500));
            assertThat(all).filteredOn(e -> id.equals(e.subject())).hasSize(2);
            // as typed, or as any keyword a derivation could make of it
            assertThat(all).allSatisfy(e -> assertThat(e.toString().toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain(marker, "myeloma"));
        }
    }
}
