package io.rapport.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * HTTP load on an event loop. The open model sends at a fixed rate and measures each latency from the moment
 * the request was due, not from when it could be sent, so a stalled server is not hidden (no coordinated
 * omission); the closed model keeps N requests in flight to find the saturation throughput.
 */
final class LoadGenerator implements AutoCloseable {

    /** One request to send. */
    record Request(HttpMethod method, String path, String token, Buffer body) {
    }

    /** What a run measured: latencies in microseconds. */
    record Result(long requests, long errors, double throughput, Histogram latency) {

        double percentileMillis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client;
    private final String host;
    private final int port;

    LoadGenerator(String host, int port, int connections) {
        this.host = host;
        this.port = port;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /** What a run counts as its requests complete: their latencies (microseconds), how many, how many failed. */
    private record Tally(Histogram latency, AtomicLong done, AtomicLong errors) {

        static Tally start() {
            return new Tally(new Histogram(TimeUnit.SECONDS.toMicros(60), 3), new AtomicLong(), new AtomicLong());
        }

        /** Counts a completed request, {@code nanos} after it was due; answers how many have completed. */
        long count(long nanos, boolean ok) {
            record(latency, nanos);
            if (!ok) {
                errors.incrementAndGet();
            }
            return done.incrementAndGet();
        }

        Result result(long startNanos) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return new Result(done.get(), errors.get(), done.get() / seconds, latency);
        }
    }

    /** Keeps {@code concurrency} requests in flight for the duration. */
    Result closed(int concurrency, Duration duration, Supplier<Request> next) throws InterruptedException {
        Tally tally = Tally.start();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            loop(next, end, tally, finished);
        }
        finished.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return tally.result(start);
    }

    /** One of the requests kept in flight: sends the next as soon as it completes, until {@code end}. */
    private void loop(Supplier<Request> next, long end, Tally tally, CountDownLatch finished) {
        if (System.nanoTime() >= end) {
            finished.countDown();
            return;
        }
        long sent = System.nanoTime();
        send(next.get(), ok -> {
            tally.count(System.nanoTime() - sent, ok);
            loop(next, end, tally, finished);
        });
    }

    /** Sends {@code rate} requests per second for the duration; latency counts from each request's due time. */
    Result open(double rate, Duration duration, Supplier<Request> next) throws InterruptedException {
        Tally tally = Tally.start();
        long total = (long) (rate * duration.toSeconds());
        double interval = 1e9 / rate;
        long start = System.nanoTime();
        AtomicLong issued = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(1);
        vertx.setPeriodic(1, timer -> {
            long due = Math.min(total, (long) ((System.nanoTime() - start) / interval) + 1);
            while (issued.get() < due) {
                long index = issued.getAndIncrement();
                long intended = start + (long) (index * interval);
                send(next.get(), ok -> {
                    if (tally.count(System.nanoTime() - intended, ok) == total) {
                        finished.countDown();
                    }
                });
            }
            if (issued.get() >= total) {
                vertx.cancelTimer(timer);
            }
        });
        finished.await(duration.toSeconds() + 120, TimeUnit.SECONDS);
        return tally.result(start);
    }

    private void send(Request request, java.util.function.Consumer<Boolean> completed) {
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(host).setPort(port)
                .setURI(request.path()).addHeader("Authorization", request.token());
        if (request.body() != null) {
            options.addHeader("Content-Type", "application/json");
        }
        client.request(options)
                .compose(r -> request.body() == null ? r.send() : r.send(request.body()))
                .compose(response -> response.body().map(body -> response.statusCode() < 400))
                .onComplete(result -> completed.accept(result.succeeded() && result.result()));
    }

    private static synchronized void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(histogram.getHighestTrackableValue(), Math.max(1, nanos / 1000)));
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
