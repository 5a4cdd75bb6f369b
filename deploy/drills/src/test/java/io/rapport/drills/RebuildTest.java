package io.rapport.drills;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.rapport.launcher.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One rebuild of the metrics at a time: two started at once, one runs and the other is a 409 problem. */
class RebuildTest {

    @Test
    void shouldRunOneOfTwoSimultaneousRebuildsAndRefuseTheOtherWith409() {
        Stack stack = Stack.get();
        String admin = stack.admin();
        String url = stack.url(Service.METRICS) + "/api/v1/metrics/admin/rebuild";
        awaitIdle(url, admin);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Http.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Http.send("POST", url, admin, null, null, Map.of());
            }));
        }
        start.countDown();
        List<Http.Answer> answers = calls.stream().map(CompletableFuture::join).toList();
        List<Integer> statuses = answers.stream().map(Http.Answer::status).sorted().toList();
        assertThat(statuses).as(answers.stream().map(Http.Answer::body).toList().toString()).hasSize(2)
                .satisfies(s -> assertThat(s.get(0)).isBetween(200, 299)).satisfies(s -> assertThat(s.get(1)).isEqualTo(409));
        Http.Answer refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        awaitIdle(url, admin);
    }

    /** Until no rebuild runs (its state is NEVER, DONE or FAILED), so other tests see settled metrics. */
    private static void awaitIdle(String url, String admin) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Http.Answer status = Http.get(url, admin);
            assertThat(status.status()).isLessThan(500);
            assertThat(MarkedStory.read(status.body()).path("state").asText()).as(status.body())
                    .isIn("NEVER", "DONE", "FAILED");
        });
    }
}
