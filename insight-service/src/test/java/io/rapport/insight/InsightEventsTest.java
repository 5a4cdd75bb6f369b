package io.rapport.insight;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.ReceivedEvent;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.BEA;
import static io.rapport.insight.Fixtures.GRACE;
import static io.rapport.insight.Fixtures.action;
import static io.rapport.insight.Fixtures.approvedResource;
import static io.rapport.insight.Fixtures.draft;
import static io.rapport.insight.Fixtures.insight;
import static io.rapport.insight.Fixtures.kol;
import static io.rapport.insight.Fixtures.resource;
import static io.rapport.insight.Fixtures.resourceAction;
import static io.rapport.insight.Fixtures.share;
import static io.rapport.insight.Fixtures.shareOf;
import static io.rapport.insight.Fixtures.submitted;
import static io.rapport.testing.EmittedEvents.ofType;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Every change on rapport.insight.v1, as documented, with no titles or insight text. */
@QuarkusTest
class InsightEventsTest {

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldPublishTheCurationOfInsightsMatchingTheCatalogueWithoutText() {
        String kol = kol();
        Map<String, Object> body = insight(kol);
        body.put("title", "A confidential title");
        body.put("text", "A confidential insight text");
        try (EmittedEvents events = EmittedEvents.on("rapport.insight.v1")) {
            String validated = submitted(msl(ADA), body);
            action(msl(BEA), validated, "endorse", null, null).then().statusCode(200);
            action(manager(GRACE), validated, "validate", "\"3\"", null).then().statusCode(200);
            action(manager(GRACE), validated, "action", "\"4\"", Map.of("actionTaken", "A confidential action")).then()
                    .statusCode(200);
            String rejected = submitted(msl(ADA), body);
            action(manager(GRACE), rejected, "reject", "\"2\"", Map.of("reason", "A confidential reason")).then()
                    .statusCode(200);
            action(msl(ADA), rejected, "rework", "\"3\"", null).then().statusCode(200);

            List<ReceivedEvent> published = List.of(
                    events.await(ofType("rapport.insight.submitted.v1", validated)),
                    events.await(ofType("rapport.insight.endorsed.v1", validated)),
                    events.await(ofType("rapport.insight.validated.v1", validated)),
                    events.await(ofType("rapport.insight.actioned.v1", validated)),
                    events.await(ofType("rapport.insight.rejected.v1", rejected)),
                    events.await(ofType("rapport.insight.reworked.v1", rejected)));
            published.forEach(EventSchemas::assertValid);
            assertThat(published.stream().map(ReceivedEvent::toString)).noneMatch(e -> e.contains("confidential"));
            ReceivedEvent actioned = published.get(3);
            assertThat(actioned.data().path("aggregateVersion").asLong()).isEqualTo(5);
            assertThat(actioned.data().path("endorsements").asInt()).isEqualTo(1);
            assertThat(actioned.data().path("curatedBy").asText()).isEqualTo(GRACE);
            assertThat(actioned.data().path("kolId").asText()).isEqualTo(kol);
            assertThat(actioned.headers()).containsEntry("ce_source", "/insight-service");
            assertThat(events.received().stream().filter(e -> e.subject().equals(validated)).map(ReceivedEvent::type))
                    .doesNotContain("rapport.insight.drafted.v1");
        }
    }

    @Test
    void shouldOweDrugSafetyAReportAsSoonAsAnAdverseEventIsWrittenDown() {
        Map<String, Object> body = insight(kol());
        body.put("adverseEventMentioned", true);
        try (EmittedEvents events = EmittedEvents.on("rapport.insight.v1")) {
            String id = draft(msl(ADA), body).then().statusCode(201).body("safetyReportDue",
                    notNullValue()).extract().path("id");
            ReceivedEvent due = events.await(ofType("rapport.insight.safety-report-due.v1", id));
            EventSchemas.assertValid(due);
            LocalDate dueDate = LocalDate.parse(due.data().path("dueDate").asText());
            assertThat(dueDate).isAfter(LocalDate.now().minusDays(1)).isBefore(LocalDate.now().plusDays(5));

            action(msl(ADA), id, "safety-report", "\"1\"", Map.of("safetyReportId", "DS-2026-0042")).then().statusCode(200)
                    .body("safetyReportId", equalTo("DS-2026-0042"));
            action(msl(ADA), id, "safety-report", "\"2\"", Map.of("safetyReportId", "DS-2026-0043")).then().statusCode(409);
            ReceivedEvent reported = events.await(ofType("rapport.insight.safety-reported.v1", id));
            EventSchemas.assertValid(reported);
            assertThat(reported.data().path("onTime").asBoolean()).isTrue();
        }
        String noEvent = draft(msl(ADA), insight(null)).then().statusCode(201).extract().path("id");
        action(msl(ADA), noEvent, "safety-report", "\"1\"", Map.of("safetyReportId", "DS-1")).then().statusCode(422);
    }

    @Test
    void shouldPublishResourceApprovalWithdrawalAndEveryShare() {
        String kol = kol();
        try (EmittedEvents events = EmittedEvents.on("rapport.insight.v1")) {
            String resource = approvedResource(resource());
            String shareId = share(msl(ADA), shareOf(resource, kol)).then().statusCode(201).extract().path("id");
            resourceAction(resource, "withdraw", "\"2\"", Map.of("reason", "A confidential withdrawal reason")).then()
                    .statusCode(200);
            List<ReceivedEvent> published = List.of(
                    events.await(ofType("rapport.resource.approved.v1", resource)),
                    events.await(ofType("rapport.resource.shared.v1", shareId)),
                    events.await(ofType("rapport.resource.withdrawn.v1", resource)));
            published.forEach(EventSchemas::assertValid);
            assertThat(published.stream().map(ReceivedEvent::toString)).noneMatch(e -> e.contains("confidential")
                    || e.contains((String) resource().get("title")));
            ReceivedEvent shared = published.get(1);
            assertThat(shared.data().path("resourceId").asText()).isEqualTo(resource);
            assertThat(shared.data().path("kolId").asText()).isEqualTo(kol);
            assertThat(shared.data().path("team").asText()).isEqualTo("oncology-north");
            assertThat(events.drain(Duration.ofMillis(500)).stream().map(ReceivedEvent::type))
                    .doesNotContain("rapport.resource.drafted.v1");
        }
    }
}
