package io.rapport.drills;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.launcher.Service;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After an erasure, nothing anywhere holds the KOL's personal data (issue 13, "Erasure leaves nothing"): a KOL
 * story with a unique marker in every free-text field the four APIs accept (see {@link MarkedStory}), then the
 * erasure with a marked reason; once every service has confirmed it, a scan of every column of every table of
 * every database, of every GET answer about the KOL and its records, and of every log finds the marker nowhere.
 * The same scans run before the erasure and must find the marker, so a scan that sees nothing cannot pass.
 */
class ErasureInvariantTest {

    static final Set<String> CONFIRMING = Set.of("interaction-service", "insight-service", "metrics-service");

    static Stack stack;
    static MarkedStory story;
    static Map<String, String> readers;
    static List<String> columnsBefore = new ArrayList<>();
    static List<String> answersBefore;
    static List<String> heldBefore = new ArrayList<>();

    @BeforeAll
    static void aMarkedKolIsErased() {
        stack = Stack.get();
        story = new MarkedStory(stack).tell();
        readers = new LinkedHashMap<>();
        readers.put("admin", stack.admin());
        readers.put("msl", stack.token(Stack.MSL_A, "msl"));
        readers.put("manager", stack.token(Stack.MANAGER_A, "medical-manager"));
        for (Service service : Service.values()) {
            columnsBefore.addAll(Scan.columns(stack, service, List.of(story.marker)));
        }
        answersBefore = Scan.answers(stack, story, readers, List.of(story.marker));
        for (Service service : Service.values()) {
            heldBefore.addAll(Scan.columns(stack, service, List.of(story.heldMarker)));
        }
        story.erase();
    }

    @Test
    void shouldHaveFoundTheMarkerEverywhereTheStoryWroteItBeforeTheErasure() {
        assertThat(columnsBefore).as("columns holding the marker before the erasure")
                .anyMatch(c -> c.startsWith("kol:")).anyMatch(c -> c.startsWith("interaction:"))
                .anyMatch(c -> c.startsWith("insight:"));
        assertThat(answersBefore).as("API answers holding the marker before the erasure").isNotEmpty();
    }

    @Test
    void shouldMarkEveryFreeTextFieldOfEveryWriteAboutAKol() {
        assertThat(story.unmarked()).as("free-text fields (from the OpenAPI) the story wrote no marker into; "
                + "refused markers: " + story.refused).isEmpty();
    }

    @Test
    void shouldShowEveryServicesConfirmationOfTheErasure() {
        awaitConfirmations();
    }

    @Test
    void shouldLeaveTheMarkerInNoColumnOfAnyDatabase() {
        awaitConfirmationsQuietly();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> found = new ArrayList<>();
            for (Service service : Service.values()) {
                found.addAll(Scan.columns(stack, service, story.needles()));
            }
            assertThat(found).as("columns still holding the erased KOL's personal data").isEmpty();
        });
    }

    @Test
    void shouldLeaveTheMarkerInNoApiAnswerAboutTheKol() {
        awaitConfirmationsQuietly();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(Scan.answers(stack, story, readers, story.needles()))
                        .as("API answers about the erased KOL holding its data")
                        .isEmpty());
    }

    @Test
    void shouldWriteTheMarkerToNoLog() {
        awaitConfirmationsQuietly();
        assertThat(Scan.logs(stack, story.freeText())).as("log lines with the KOL's personal data").isEmpty();
    }

    @Test
    void shouldKeepTheErasureReasonOnlyInTheProofOfTheErasure() {
        awaitConfirmationsQuietly();
        List<String> columns = new ArrayList<>();
        for (Service service : Service.values()) {
            columns.addAll(Scan.columns(stack, service, List.of(story.reasonMarker)));
        }
        assertThat(columns).as("where the erasure's reason is stored").isNotEmpty()
                .allMatch(c -> c.startsWith("kol:") && (c.contains("erasure") || c.contains(".audit_entry.reason:")));
        // The reason is the admin's (a request reference), not the KOL's: kept as proof, in the erasure record and
        // in the KOL's history (and so in its Art. 15 export), nowhere else.
        assertThat(Scan.answers(stack, story, readers, List.of(story.reasonMarker))).as("answers showing the reason")
                .allMatch(a -> a
                        .matches("(?s)\\S+ GET \\S+/api/v1/kols/" + story.kolId + "/(erasure|history|personal-data) ->.*"));
    }

    @Test
    void shouldKeepTheFreeTextOfAHeldRecordOnlyUnderAPseudonym() {
        awaitConfirmationsQuietly();
        assertThat(heldBefore).as("the held insight's text before the erasure").anyMatch(c -> c.startsWith("insight:"));
        List<String> rows = new ArrayList<>();
        for (Service service : Service.values()) {
            rows.addAll(Scan.rowsWithBoth(stack, service, story.heldMarker, story.kolId));
        }
        assertThat(rows).as("tables with a row that keeps a held record's text next to the erased KOL's id").isEmpty();
    }

    private static boolean awaited;

    private static synchronized void awaitConfirmationsQuietly() {
        if (awaited) {
            return;
        }
        awaited = true;
        try {
            awaitConfirmations();
        } catch (AssertionError | org.awaitility.core.ConditionTimeoutException notYet) {
            // the scans below then say what is left; the confirmation test says the confirmations are missing
        }
    }

    private static void awaitConfirmations() {
        String url = stack.url(Service.KOL) + "/api/v1/kols/" + story.kolId + "/erasure";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Response response = given().header("Authorization", stack.admin()).get(url);
            assertThat(response.statusCode()).as("GET " + url + " " + response.asString()).isEqualTo(200);
            JsonNode erasure = MarkedStory.read(response.asString());
            assertThat(Scan.confirmedBy(erasure)).as(response.asString()).containsAll(CONFIRMING);
            if (erasure.has("complete")) {
                assertThat(erasure.get("complete").asBoolean()).as(response.asString()).isTrue();
            }
        });
    }
}
