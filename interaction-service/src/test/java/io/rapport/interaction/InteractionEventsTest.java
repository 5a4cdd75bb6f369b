package io.rapport.interaction;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.ReceivedEvent;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.action;
import static io.rapport.interaction.Fixtures.completion;
import static io.rapport.interaction.Fixtures.patch;
import static io.rapport.testing.EmittedEvents.ofType;
import static io.rapport.testing.Tokens.msl;
import static org.assertj.core.api.Assertions.assertThat;

/** Every transition on rapport.interaction.v1, as documented, with no free text. */
@QuarkusTest
class InteractionEventsTest {

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldPublishEveryTransitionMatchingTheCatalogueWithoutFreeText() {
        String kol = Fixtures.kol(Map.of("channels", List.of("VIDEO")));
        Map<String, Object> body = Fixtures.planned(kol);
        body.put("objective", "A confidential objective wording");
        try (EmittedEvents events = EmittedEvents.on("rapport.interaction.v1")) {
            String id = Fixtures.create(ada, body).then().statusCode(201).extract().path("id");
            patch(ada, id, "\"1\"", Map.of("durationMinutes", 50)).then().statusCode(200);
            Map<String, Object> done = completion();
            done.put("outcome", "A confidential outcome wording");
            done.put("productComplaintMentioned", true);
            done.put("transfersOfValue", List.of(Map.of("kind", "MEAL", "amount", 42.5, "currency", "EUR")));
            action(ada, id, "complete", "\"2\"", done).then().statusCode(200);
            patch(ada, id, "\"3\"", Map.of("feedbackScore", 5, "amendmentReason", "A confidential reason")).then()
                    .statusCode(200);
            String cancelled = Fixtures.interactionOf(ada, kol);
            action(ada, cancelled, "cancel", "\"1\"", Map.of("reason", "A confidential cancel reason")).then().statusCode(200);
            String noShow = Fixtures.interactionOf(ada, kol);
            action(ada, noShow, "no-show", "\"1\"", null).then().statusCode(200);

            List<ReceivedEvent> published = List.of(
                    events.await(ofType("rapport.interaction.planned.v1", id)),
                    events.await(ofType("rapport.interaction.updated.v1", id)),
                    events.await(ofType("rapport.interaction.completed.v1", id)),
                    events.await(ofType("rapport.interaction.amended.v1", id)),
                    events.await(ofType("rapport.interaction.cancelled.v1", cancelled)),
                    events.await(ofType("rapport.interaction.no-show.v1", noShow)),
                    events.await(e -> "rapport.safety.report-due.v1".equals(e.type())
                            && id.equals(e.data().path("interactionId").asText())),
                    events.await(e -> "rapport.followup.created.v1".equals(e.type())
                            && id.equals(e.data().path("interactionId").asText())));
            published.forEach(EventSchemas::assertValid);
            assertThat(published.stream().map(ReceivedEvent::toString)).noneMatch(e -> e.contains("confidential"));
            ReceivedEvent completed = published.get(2);
            assertThat(completed.data().path("offPreferenceChannel").asBoolean()).isTrue();
            assertThat(completed.data().path("productComplaintMentioned").asBoolean()).isTrue();
            assertThat(completed.data().path("transfersOfValue").get(0).path("amount").asDouble()).isEqualTo(42.5);
            assertThat(completed.data().path("aggregateVersion").asLong()).isEqualTo(3);
            assertThat(completed.headers()).containsEntry("ce_source", "/interaction-service");
        }
    }
}
