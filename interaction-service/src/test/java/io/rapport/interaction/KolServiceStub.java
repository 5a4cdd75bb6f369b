package io.rapport.interaction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * A stand-in for kol-service's HTTP API (an external service to interaction-service): it answers the replica
 * fallback from what a test puts in it, and can be taken down to see the 503.
 */
public class KolServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static volatile boolean up = true;
    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            if (!up) {
                request.connection().close();
                return;
            }
            JsonNode document = DOCUMENTS.get(request.path());
            if (document == null) {
                request.response().setStatusCode(404).end();
            } else {
                request.response().putHeader("Content-Type", "application/json").end(document.toString());
            }
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("rapport.platform.kol-service-url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        vertx.close();
    }

    /** kol-service knows this document at this path (e.g. /api/v1/kols/{id}/replica). */
    public static void serve(String path, JsonNode document) {
        DOCUMENTS.put(path, document);
    }

    public static void setUp(boolean reachable) {
        up = reachable;
    }
}
