package io.rapport.interaction;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EventSchemas;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.create;
import static io.rapport.interaction.Fixtures.planned;
import static io.rapport.testing.Tokens.msl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;

/** The local replicas of kol-service's data: fed by events, guarded by version, completed by a REST fallback. */
@QuarkusTest
class ReplicaTest {

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldApplyANewerKolEventAndIgnoreAnOlderOne() {
        String kol = Fixtures.kol();
        Fixtures.publishKol(kol, "rapport.kol.updated.v1", 5, Map.of("tier", 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> "5".equals(version(kol)));
        Fixtures.publishKol(kol, "rapport.kol.updated.v1", 3, Map.of("tier", 1));
        Fixtures.publishKol(kol, "rapport.kol.updated.v1", 6, Map.of("tier", 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> "6".equals(version(kol)));
        assertThat(DevstackResource.sql("SELECT data ->> 'tier' FROM replica WHERE kind = 'kol' AND id = '" + kol + "'"))
                .isEqualTo("2");
    }

    @Test
    void shouldStopInteractionsWithAKolWhoObjectedOnceTheEventArrives() {
        String kol = Fixtures.kol();
        create(ada, planned(kol)).then().statusCode(201);
        Fixtures.publishKol(kol, "rapport.kol.updated.v1", 2, Map.of("contactable", false, "reason", "no-lawful-basis"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "2".equals(version(kol)));
        create(ada, planned(kol)).then().statusCode(422).body("type", endsWith("/no-lawful-basis"));
    }

    @Test
    void shouldAskKolServiceForAKolTheReplicaDoesNotKnowYet() {
        String kol = UUID.randomUUID().toString();
        KolServiceStub.serve("/api/v1/kols/" + kol + "/replica", EventSchemas.example("rapport.kol.created.v1")
                .put("kolId", kol));
        create(ada, planned(kol)).then().statusCode(201).body("id", notNullValue());
        assertThat(version(kol)).isEqualTo("1");
    }

    @Test
    void shouldAnswer422ForAKolNobodyKnowsAnd503WhenKolServiceIsAway() {
        create(ada, planned(UUID.randomUUID().toString())).then().statusCode(422).body("type", endsWith("/unknown-kol"));
        KolServiceStub.setUp(false);
        try {
            create(ada, planned(UUID.randomUUID().toString())).then().statusCode(503)
                    .header("Retry-After", notNullValue()).body("type", endsWith("/unavailable"));
        } finally {
            KolServiceStub.setUp(true);
        }
    }

    private static String version(String kol) {
        return DevstackResource.sql("SELECT coalesce((SELECT version FROM replica WHERE kind = 'kol' AND id = '" + kol
                + "'), 0)");
    }
}
