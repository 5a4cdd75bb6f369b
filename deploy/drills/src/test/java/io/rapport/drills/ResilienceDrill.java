package io.rapport.drills;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.rapport.launcher.Service;
import io.rapport.launcher.ServiceProcess;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault drills (-Pdrills): each writes a steady stream of meetings while a part of the stack fails, then
 * checks that every meeting the API accepted is in interaction-service, on Kafka and in the metrics, exactly once.
 */
class ResilienceDrill {

    static Stack stack;

    @BeforeAll
    static void stack() {
        stack = Stack.get();
    }

    @Test
    void shouldAcceptWritesWhileKafkaIsDownAndDeliverThemAllAfterwards() throws Exception {
        try (SteadyWriter writer = new SteadyWriter(stack, "kafka-outage")) {
            awaitAccepted(writer, 20);
            stack.suite.devstack().stopKafka();
            int before = writer.acceptedSoFar();
            pause(Duration.ofSeconds(30));
            assertThat(writer.acceptedSoFar() - before).as("meetings accepted while Kafka was down").isGreaterThan(100);
            stack.suite.devstack().startKafka();
            awaitAccepted(writer, writer.acceptedSoFar() + 20);
            writer.close();
            Ledger.assertExactlyOnce(stack, writer, false);
        }
    }

    @Test
    void shouldCountExactlyAfterMetricsServiceIsKilledMidStream() throws Exception {
        try (SteadyWriter writer = new SteadyWriter(stack, "metrics-kill")) {
            awaitAccepted(writer, 40);
            stack.suite.service(Service.METRICS).kill();
            awaitAccepted(writer, writer.acceptedSoFar() + 40);
            stack.suite.restart(Service.METRICS);
            awaitAccepted(writer, writer.acceptedSoFar() + 20);
            writer.close();
            Ledger.assertExactlyOnce(stack, writer, false);
        }
    }

    @Test
    void shouldDeliverTheOutboxAfterInteractionServiceIsKilledRightAfterCommits() throws Exception {
        try (SteadyWriter writer = new SteadyWriter(stack, "interaction-kill")) {
            awaitAccepted(writer, 40);
            stack.suite.service(Service.INTERACTION).kill();
            int acceptedBeforeTheKill = writer.acceptedSoFar();
            stack.suite.restart(Service.INTERACTION);
            awaitAccepted(writer, acceptedBeforeTheKill + 20);
            writer.close();
            assertThat(writer.refused).containsKey("unreachable");
            // The relay publishes at least once: a copy of an event it sent just before the kill may go out again
            // (same CloudEvents id, so consumers apply it once); no event may be missing.
            Ledger.assertExactlyOnce(stack, writer, true);
        }
    }

    @Test
    void shouldAnswer503FastWhileThePostgresqlIsDownAndRecoverWithoutARestart() throws Exception {
        String kol = stack.newKol(Stack.MSL_A);
        String token = stack.token(Stack.MSL_A, "msl");
        String interactions = stack.url(Service.INTERACTION);
        long pidBefore = stack.suite.service(Service.INTERACTION).javaProcess().pid();
        stack.suite.devstack().stopPostgres();
        try {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get(interactions + "/q/health/ready")
                    .then().statusCode(503));
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                Response response = Stack.as(token).body(Stack.completedMeeting(kol))
                        .post(interactions + "/api/v1/interactions");
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(millis).as("time to the 503").isLessThanOrEqualTo(2000);
                Response read = given().header("Authorization", token).get(interactions + "/api/v1/interactions");
                assertThat(read.statusCode()).isEqualTo(503);
            }
        } finally {
            stack.suite.devstack().startPostgres();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(interactions + "/q/health/ready")
                .then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Stack.as(token).body(Stack.completedMeeting(kol))
                .post(interactions + "/api/v1/interactions").then().statusCode(201));
        assertThat(stack.suite.service(Service.INTERACTION).javaProcess().pid()).as("the same process").isEqualTo(pidBefore);
    }

    @Test
    void shouldPutAPoisonMessageOnEachTopicInItsDeadLetterTopicAndGoOn() throws Exception {
        List<String> topics = List.of("rapport.kol.v1", "rapport.reference.v1", "rapport.interaction.v1",
                "rapport.insight.v1");
        String marker = "poison-" + UUID.randomUUID();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.suite.devstack().endpoints().bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (String topic : topics) {
                producer.send(new ProducerRecord<>(topic, marker, "{not json at all".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        for (String topic : topics) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(
                    () -> assertThat(Ledger.read(stack, topic + ".dlq").copies(marker)).as(topic + ".dlq").isPositive());
        }
        try (SteadyWriter writer = new SteadyWriter(stack, "after-poison")) {
            awaitAccepted(writer, 20);
            writer.close();
            Ledger.assertExactlyOnce(stack, writer, false);
        }
    }

    @Test
    void shouldPublishEveryEventOnceWithTwoInstancesOfInteractionServiceOnOneDatabase() throws Exception {
        ServiceProcess second = stack.suite.startAnotherInstance(Service.INTERACTION);
        AtomicInteger turn = new AtomicInteger();
        try (SteadyWriter writer = new SteadyWriter(stack, "two-instances", () -> turn.incrementAndGet() % 2 == 0
                ? second.url()
                : stack.url(Service.INTERACTION))) {
            awaitAccepted(writer, 200);
            writer.close();
            assertThat(writer.refused).isEmpty();
            Ledger.assertExactlyOnce(stack, writer, false);
        } finally {
            second.stop();
        }
    }

    /**
     * An erasure cannot be lost: interaction-service fails to apply one (its replica table is away, so the event
     * ends in the dead-letter topic or is retried), and once the table is back, kol-service's re-sending of
     * unconfirmed erasures brings every confirmation in.
     */
    @Test
    void shouldCompleteADeadLetteredErasureOnceItIsResent() {
        String kol = stack.newKol(Stack.MSL_A);
        String admin = stack.admin();
        String interactions = stack.url(Service.INTERACTION);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Stack.as(stack.token(Stack.MSL_A, "msl"))
                .body(Stack.plannedMeeting(kol)).post(interactions + "/api/v1/interactions").then().statusCode(201));
        var sql = stack.suite.devstack().endpoints();
        sql.sql(Service.INTERACTION.database(), "ALTER TABLE replica RENAME TO replica_away");
        try {
            Stack.as(admin).body(java.util.Map.of("reason", "GDPR request REQ-DLQ")).post(stack.url(Service.KOL)
                    + "/api/v1/kols/" + kol + "/erasure").then().statusCode(200);
            // Long enough for the consumer to give up on it (dead letter) or keep failing.
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Ledger.read(stack, "rapport.kol.v1.dlq").copies(kol) > 0);
        } catch (org.awaitility.core.ConditionTimeoutException notDeadLettered) {
            System.out.println("[drills] the erasure of " + kol + " was not dead-lettered within 45 s (retried instead)");
        } finally {
            sql.sql(Service.INTERACTION.database(), "ALTER TABLE replica_away RENAME TO replica");
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Response proof = given().header("Authorization", admin).get(stack.url(Service.KOL) + "/api/v1/kols/" + kol
                    + "/erasure");
            assertThat(proof.statusCode()).as(proof.asString()).isEqualTo(200);
            assertThat(Scan.confirmedBy(MarkedStory.read(proof.asString()))).as(proof.asString())
                    .contains("interaction-service", "insight-service", "metrics-service");
        });
    }

    /**
     * A slow kol-service under the REST fallback: interaction-service has no replica of the KOL (as right after
     * a restore) and asks kol-service, which is frozen (SIGSTOP). The request answers a 503 problem within about
     * two seconds, never hangs; once kol-service runs again, the same request succeeds.
     */
    @Test
    void shouldAnswer503FastWhenKolServiceIsSlowUnderTheRestFallback() throws Exception {
        String kol = stack.newKol(Stack.MSL_A);
        String token = stack.token(Stack.MSL_A, "msl");
        String interactions = stack.url(Service.INTERACTION);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stack.suite.devstack().endpoints()
                .sql(Service.INTERACTION.database(), "SELECT count(*) FROM replica WHERE id::text = '" + kol + "'")
                .strip()).isNotEqualTo("0"));
        stack.suite.devstack().endpoints().sql(Service.INTERACTION.database(), "DELETE FROM replica WHERE id::text = '"
                + kol + "'");
        long pid = stack.suite.service(Service.KOL).javaProcess().pid();
        signal("STOP", pid);
        try {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                Http.Answer answer = Http.send("POST", interactions + "/api/v1/interactions", token, "application/json",
                        Stack.json(Stack.plannedMeeting(kol)), java.util.Map.of());
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                assertThat(millis).as("time to the 503").isLessThanOrEqualTo(2500);
            }
        } finally {
            signal("CONT", pid);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Stack.as(token).body(Stack.plannedMeeting(kol))
                .post(interactions + "/api/v1/interactions").then().statusCode(201));
    }

    /** Sends a signal to a process this drill's stack started. */
    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private static void awaitAccepted(SteadyWriter writer, int count) {
        await().atMost(Duration.ofSeconds(120)).until(() -> writer.acceptedSoFar() >= count);
    }

    /** Lets the fault last: the writer keeps writing meanwhile. */
    private static void pause(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        await().atMost(duration.plusSeconds(5)).pollInterval(Duration.ofMillis(500)).until(() -> System.nanoTime() >= until);
    }
}
