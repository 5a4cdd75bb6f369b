package io.rapport.kol;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Only kol-service runs in this module's tests: interaction-, insight- and metrics-service are stand-ins, each its
 * own HTTP server, answering the Art. 15 contract as a service that holds nothing about the KOL does (200, empty
 * records) and noting the token they were asked with. {@link #down} closes one's port, {@link #up} opens it again.
 * The four real services are asked in e2e.
 */
@QuarkusTestResource(OtherServiceStandIns.class)
public class OtherServiceStandIns implements QuarkusTestResourceLifecycleManager {

    static final List<String> SERVICES = List.of("interaction-service", "insight-service", "metrics-service");
    /** The Authorization header each service was last asked with. */
    static final Map<String, String> tokens = new ConcurrentHashMap<>();
    private static final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private static final Map<String, Integer> ports = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            up(service);
            config.put("rapport.services." + service.replace("-service", "") + "-url",
                    "http://127.0.0.1:" + ports.get(service));
        }
        return config;
    }

    @Override
    public void stop() {
        SERVICES.forEach(OtherServiceStandIns::down);
    }

    /** The service's port is closed: nobody answers there. */
    static void down(String service) {
        HttpServer server = servers.remove(service);
        if (server != null) {
            server.stop(0);
        }
    }

    /** The service answers again, on the same port. */
    static void up(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", ports.getOrDefault(service, 0)), 0);
            server.createContext("/api/v1/kols/", exchange -> {
                String[] path = exchange.getRequestURI().getPath().split("/");
                String kolId = path[path.length - 2];
                tokens.put(service, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = ("{\"service\":\"" + service + "\",\"kolId\":\"" + kolId + "\",\"records\":{}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            servers.put(service, server);
            ports.put(service, server.getAddress().getPort());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the stand-in of " + service, e);
        }
    }
}
