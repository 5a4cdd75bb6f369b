package io.rapport.drills;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.rapport.launcher.Service;

/**
 * Records meetings as an MSL would, one every 50 ms, while a fault happens: remembers every meeting the API
 * accepted (201) and counts what it refused or could not reach, so a drill can check afterwards that each
 * accepted meeting is in its service, in Kafka and in the metrics, exactly once.
 */
final class SteadyWriter implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String msl;
    final String team;
    final String kol;
    final List<String> accepted = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final Stack stack;
    private final Supplier<String> baseUrl;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    /** Starts writing for a new MSL of a new team, to the interaction-service instance {@code baseUrl} names. */
    SteadyWriter(Stack stack, String name, Supplier<String> baseUrl) {
        this.stack = stack;
        this.msl = "msl-" + name;
        this.team = "team-" + name;
        this.baseUrl = baseUrl;
        stack.directory(msl, team, Stack.MANAGER_A);
        this.kol = stack.newKol(msl);
        this.thread = new Thread(this::run, "writer-" + name);
        thread.start();
    }

    SteadyWriter(Stack stack, String name) {
        this(stack, name, () -> stack.url(Service.INTERACTION));
    }

    private void run() {
        String token = stack.token(msl, "msl");
        String body = Stack.json(Stack.completedMeeting(kol));
        while (running.get()) {
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl.get()
                        + "/api/v1/interactions")).timeout(Duration.ofSeconds(10)).header("Authorization", token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    accepted.add(Stack.JSON.readTree(response.body()).path("id").asText());
                } else {
                    refused.computeIfAbsent(Integer.toString(response.statusCode()), k -> new AtomicInteger())
                            .incrementAndGet();
                }
            } catch (java.io.IOException e) {
                refused.computeIfAbsent("unreachable", k -> new AtomicInteger()).incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pace(started);
        }
    }

    /** One request every 50 ms at most: a steady stream, not a load test. */
    private static void pace(long started) {
        long left = 50 - (System.nanoTime() - started) / 1_000_000;
        if (left > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left * 1_000_000);
        }
    }

    int acceptedSoFar() {
        return accepted.size();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(15_000);
    }
}
