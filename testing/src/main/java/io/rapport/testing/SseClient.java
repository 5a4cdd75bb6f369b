package io.rapport.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reads a server-sent event stream the way the dashboard does: a plain HTTP GET with the bearer token. */
public final class SseClient implements AutoCloseable {

    /** One event, or a comment (name "comment"). */
    public record Message(String name, String id, String data) {
    }

    private final LinkedBlockingQueue<Message> queue = new LinkedBlockingQueue<>();
    private final List<Message> seen = new ArrayList<>();
    private final CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;
    private volatile HttpHeaders headers;

    public SseClient(URI uri, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            headers = r.headers();
            String[] event = { null, null, null };
            r.body().forEach(line -> {
                if (line.isEmpty()) {
                    if (event[0] != null || event[2] != null) {
                        queue.add(new Message(event[0] == null ? "message" : event[0], event[1], event[2]));
                    }
                    event[0] = event[1] = event[2] = null;
                } else if (line.startsWith(":")) {
                    queue.add(new Message("comment", null, line.substring(1).trim()));
                } else if (line.startsWith("event:")) {
                    event[0] = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    event[1] = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    event[2] = (event[2] == null ? "" : event[2] + "\n") + line.substring(5).trim();
                }
            });
        });
    }

    public int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    public HttpHeaders headers() throws Exception {
        response.get(10, TimeUnit.SECONDS);
        return headers;
    }

    /** The next message that matches (the ones skipped are remembered), or an AssertionError after the timeout. */
    public Message await(Predicate<Message> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Message next = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("No matching message within " + timeout + "; seen " + seen);
            }
            seen.add(next);
            if (match.test(next)) {
                return next;
            }
        }
    }

    public Message await(String name) throws InterruptedException {
        return await(m -> m.name().equals(name), Duration.ofSeconds(15));
    }

    /** Every message received so far, including those {@link #await} skipped. */
    public List<Message> all() {
        queue.drainTo(seen);
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
