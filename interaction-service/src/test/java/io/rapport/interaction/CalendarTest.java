package io.rapport.interaction;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.EventSender;
import io.rapport.testing.KolServiceEvents;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.create;
import static io.rapport.interaction.Fixtures.planned;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The secret calendar feed, parsed back with ical4j as a calendar client would. */
@QuarkusTest
class CalendarTest {

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldServePlannedInteractionsAsEventsInTheirTimeZoneWithoutKolNames() throws Exception {
        Map<String, Object> video = planned(Fixtures.kol());
        video.put("channel", "VIDEO");
        video.put("plannedStart", "2099-03-02T09:00:00Z");
        video.put("durationMinutes", 45);
        String id = create(ada, video).then().statusCode(201).extract().path("id");
        String url = issue();
        String ics = given().get(URI.create(url).getPath()).then().statusCode(200)
                .contentType(containsString("text/calendar")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        VEvent event = events.stream().filter(e -> e.getProperty(Property.UID).get().getValue().startsWith(id))
                .findFirst().orElseThrow();
        assertThat(event.getProperty(Property.SUMMARY).get().getValue()).isEqualTo("Video KOL meeting");
        var start = event.getProperty(Property.DTSTART).get();
        assertThat(start.getParameter(Parameter.TZID).get().getValue()).isEqualTo("Europe/Berlin");
        assertThat(start.getValue()).isEqualTo("20990302T100000");
        assertThat(event.getProperty(Property.DTEND).get().getValue()).isEqualTo("20990302T104500");
        assertThat(calendar.getComponents("VTIMEZONE")).isNotEmpty();
    }

    @Test
    void shouldStoreOnlyAHashAndStopAnsweringARotatedOrRevokedUrl() {
        String first = issue();
        String token = first.substring(first.lastIndexOf('/') + 1, first.length() - ".ics".length());
        assertThat(DevstackResource.sql("SELECT count(*) FROM calendar_feed WHERE token_hash = '" + token + "'"))
                .isEqualTo("0");
        String second = issue();
        given().get(URI.create(first).getPath()).then().statusCode(404);
        given().get(URI.create(second).getPath()).then().statusCode(200);
        given().header("Authorization", ada).delete("/api/v1/msls/me/calendar-feed").then().statusCode(204);
        given().get(URI.create(second).getPath()).then().statusCode(404);
        given().get("/calendar/not-a-real-token.ics").then().statusCode(404);
    }

    @Test
    void shouldNeverWriteAFeedSecretToALogLine() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(
                        record.getParameters()) + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String url = issue();
            String path = URI.create(url).getPath();
            String token = path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());
            given().get(path).then().statusCode(200);
            given().get(path.replace(".ics", "")).then().statusCode(404);
            given().get(path + "/more").then().statusCode(404);
            given().post(path).then().statusCode(405);
            given().header("Authorization", ada).delete("/api/v1/msls/me/calendar-feed").then().statusCode(204);
            given().get(path).then().statusCode(404);
            assertThat(lines).isNotNull().noneMatch(line -> line.contains(token));
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void shouldStopAFeedWhenItsMslLeavesTheDirectory() {
        String leaver = "msl-leaver-" + UUID.randomUUID();
        KolServiceEvents.msl(leaver, "oncology-north", Fixtures.GRACE, "Europe/Berlin");
        String feed = URI.create(issue(msl(leaver))).getPath();
        given().get(feed).then().statusCode(200);
        var inactive = EventSchemas.example("rapport.reference.msl.changed.v1").put("userId", leaver)
                .put("team", "oncology-north").put("manager", Fixtures.GRACE).put("active", false)
                .put("aggregateVersion", System.currentTimeMillis() + 1_000_000_000L);
        try (EventSender sender = new EventSender()) {
            sender.send("rapport.reference.v1", UUID.randomUUID(), "rapport.reference.msl.changed.v1", "msl:" + leaver,
                    inactive);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "false".equals(DevstackResource.sql(
                "SELECT data ->> 'active' FROM replica WHERE kind = 'msl' AND id = '" + leaver + "'")));
        given().get(feed).then().statusCode(404);

        String removed = "msl-removed-" + UUID.randomUUID();
        KolServiceEvents.msl(removed, "oncology-north", Fixtures.GRACE, "Europe/Berlin");
        String other = URI.create(issue(msl(removed))).getPath();
        given().get(other).then().statusCode(200);
        DevstackResource.sql("DELETE FROM replica WHERE kind = 'msl' AND id = '" + removed + "'");
        given().get(other).then().statusCode(404);
    }

    private String issue(String token) {
        return given().header("Authorization", token).post("/api/v1/msls/me/calendar-feed").then().statusCode(201)
                .extract().path("url");
    }

    private String issue() {
        return given().header("Authorization", ada).post("/api/v1/msls/me/calendar-feed").then().statusCode(201)
                .extract().path("url");
    }
}
