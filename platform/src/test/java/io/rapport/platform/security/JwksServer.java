package io.rapport.platform.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An identity provider's key set endpoint on a free local port: serves a JWKS document of the keys it is told
 * to publish, and counts how often it was read.
 */
public final class JwksServer implements AutoCloseable {

    public static final String PATH = "/.well-known/jwks.json";

    private final HttpServer server;
    private final AtomicInteger reads = new AtomicInteger();
    private volatile String document = "{\"keys\":[]}";

    public JwksServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            reads.incrementAndGet();
            byte[] body = document.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** From now on the set holds exactly these keys (id → public key). */
    public void publish(Map<String, RSAPublicKey> keys) {
        List<JsonWebKey> jwks = keys.entrySet().stream().map(e -> {
            RsaJsonWebKey jwk = new RsaJsonWebKey(e.getValue());
            jwk.setKeyId(e.getKey());
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            return (JsonWebKey) jwk;
        }).toList();
        document = new JsonWebKeySet(jwks).toJson();
    }

    public int reads() {
        return reads.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a key set server for a Quarkus test and points {@code mp.jwt.verify.publickey.location} at it, as a
     * production installation points it at its identity provider.
     */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        private static JwksServer running;

        public static JwksServer server() {
            return running;
        }

        @Override
        public Map<String, String> start() {
            running = new JwksServer();
            return Map.of("mp.jwt.verify.publickey.location", running.url());
        }

        @Override
        public void stop() {
            if (running != null) {
                running.close();
                running = null;
            }
        }
    }
}
