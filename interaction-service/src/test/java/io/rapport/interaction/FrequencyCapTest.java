package io.rapport.interaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.action;
import static io.rapport.interaction.Fixtures.create;
import static io.rapport.interaction.Fixtures.patch;
import static io.rapport.interaction.Fixtures.planned;
import static io.rapport.testing.Tokens.msl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** The KOL's maximum contacts per calendar quarter, in the interaction's local time. */
@QuarkusTest
class FrequencyCapTest {

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldRefuseInteractionWhenCapReachedUnlessOverridden() {
        String kol = Fixtures.kolWithCap(2);
        create(ada, at(kol, "2027-02-01T09:00:00Z")).then().statusCode(201);
        create(ada, at(kol, "2027-03-01T09:00:00Z")).then().statusCode(201);
        create(ada, at(kol, "2027-03-15T09:00:00Z")).then().statusCode(422).body("type", endsWith("/frequency-cap-exceeded"))
                .body("count", equalTo(2)).body("cap", equalTo(2)).body("quarter", equalTo("2027-Q1"));
        Map<String, Object> override = at(kol, "2027-03-15T09:00:00Z");
        override.put("capOverrideReason", "KOL asked for an urgent follow-up on safety data");
        create(ada, override).then().statusCode(201).body("capOverridden", equalTo(true))
                .body("capOverrideReason", equalTo("KOL asked for an urgent follow-up on safety data"));
    }

    @Test
    void shouldCountTheQuarterOfTheLocalDateAcrossTheNewYear() {
        String kol = Fixtures.kolWithCap(1);
        // 2026-12-31T22:30Z is 23:30 in Berlin (2026-Q4); 23:30Z is already 00:30 on New Year's day (2027-Q1)
        create(ada, at(kol, "2026-12-31T22:30:00Z")).then().statusCode(201).body("capQuarter", equalTo("2026-Q4"));
        create(ada, at(kol, "2026-12-31T23:30:00Z")).then().statusCode(201).body("capQuarter", equalTo("2027-Q1"));
        create(ada, at(kol, "2026-10-01T08:00:00Z")).then().statusCode(422).body("quarter", equalTo("2026-Q4"));
    }

    @Test
    void shouldRefuseAnyContactWhenTheCapIsZero() {
        create(ada, at(Fixtures.kolWithCap(0), "2027-05-01T09:00:00Z")).then().statusCode(422).body("cap", equalTo(0));
    }

    @Test
    void shouldNotCountCancelledInteractions() {
        String kol = Fixtures.kolWithCap(1);
        String first = create(ada, at(kol, "2027-04-02T09:00:00Z")).then().statusCode(201).extract().path("id");
        create(ada, at(kol, "2027-04-03T09:00:00Z")).then().statusCode(422);
        action(ada, first, "cancel", "\"1\"", Map.of()).then().statusCode(200);
        create(ada, at(kol, "2027-04-03T09:00:00Z")).then().statusCode(201);
    }

    @Test
    void shouldRecheckTheCapWhenAPatchMovesTheDate() {
        String kol = Fixtures.kolWithCap(1);
        create(ada, at(kol, "2027-07-02T09:00:00Z")).then().statusCode(201);
        String later = create(ada, at(kol, "2027-10-02T09:00:00Z")).then().statusCode(201).extract().path("id");
        patch(ada, later, "\"1\"", Map.of("plannedStart", "2027-08-01T09:00:00Z")).then().statusCode(422)
                .body("type", endsWith("/frequency-cap-exceeded")).body("quarter", equalTo("2027-Q3"));
        patch(ada, later, "\"1\"", Map.of("plannedStart", "2027-11-01T09:00:00Z")).then().statusCode(200);
    }

    @Test
    void shouldAcceptExactlyTheCapUnderTwentyParallelRequests() throws Exception {
        String kol = Fixtures.kolWithCap(3);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> create(ada, at(kol, "2028-02-10T09:00:00Z")).statusCode(), pool));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> call : calls) {
                statuses.add(call.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 422).hasSize(17);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> at(String kol, String plannedStart) {
        Map<String, Object> body = planned(kol);
        body.put("plannedStart", plannedStart);
        return body;
    }
}
