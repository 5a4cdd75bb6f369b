package io.rapport.drills;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.launcher.Service;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests generated from each service's own OpenAPI (see {@link Fuzzer}): 3,000 within the schema and 2,000
 * malformed ones per service. None may get a 5xx; every error is problem+json with its status; no malformed
 * write is accepted, and the service's database is the same after the malformed ones as before.
 */
class FuzzTest {

    static final int VALID = 3000;
    static final int MALFORMED = 2000;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<Service, Fuzzer> FUZZERS = new EnumMap<>(Service.class);

    static synchronized Fuzzer fuzzer(Service service) {
        return FUZZERS.computeIfAbsent(service, s -> {
            Stack stack = Stack.get();
            String kol = stack.newKol(Stack.MSL_A);
            Map<String, String> hints = Map.ofEntries(Map.entry("kolId", kol), Map.entry("therapeuticArea", Stack.AREA),
                    Map.entry("product", Stack.PRODUCT), Map.entry("msl", Stack.MSL_A), Map.entry("assignee", Stack.MSL_A),
                    Map.entry("team", Stack.TEAM_A), Map.entry("country", "DE"), Map.entry("market", "DE"),
                    Map.entry("timeZone", "Europe/Berlin"), Map.entry("currency", "EUR"), Map.entry("channel", "IN_PERSON"));
            try {
                return new Fuzzer(stack.url(s), hints, stack);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Property(tries = VALID, shrinking = ShrinkingMode.OFF)
    void kolServiceAnswersSchemaRequestsWithoutServerErrors(@ForAll("kolValid") Fuzzer.Call call) throws Exception {
        send(Service.KOL, call);
    }

    @Property(tries = VALID, shrinking = ShrinkingMode.OFF)
    void interactionServiceAnswersSchemaRequestsWithoutServerErrors(@ForAll("interactionValid") Fuzzer.Call call)
            throws Exception {
        send(Service.INTERACTION, call);
    }

    @Property(tries = VALID, shrinking = ShrinkingMode.OFF)
    void insightServiceAnswersSchemaRequestsWithoutServerErrors(@ForAll("insightValid") Fuzzer.Call call) throws Exception {
        send(Service.INSIGHT, call);
    }

    @Property(tries = VALID, shrinking = ShrinkingMode.OFF)
    void metricsServiceAnswersSchemaRequestsWithoutServerErrors(@ForAll("metricsValid") Fuzzer.Call call) throws Exception {
        send(Service.METRICS, call);
    }

    @Provide
    Arbitrary<Fuzzer.Call> kolValid() {
        return Arbitraries.randomValue(fuzzer(Service.KOL)::valid);
    }

    @Provide
    Arbitrary<Fuzzer.Call> interactionValid() {
        return Arbitraries.randomValue(fuzzer(Service.INTERACTION)::valid);
    }

    @Provide
    Arbitrary<Fuzzer.Call> insightValid() {
        return Arbitraries.randomValue(fuzzer(Service.INSIGHT)::valid);
    }

    @Provide
    Arbitrary<Fuzzer.Call> metricsValid() {
        return Arbitraries.randomValue(fuzzer(Service.METRICS)::valid);
    }

    /** Malformed requests to one service, with its database compared before and after. */
    abstract static class Malformed {

        private String before;

        abstract Service service();

        @BeforeProperty
        void fingerprintBefore() {
            fuzzer(service()); // its setup writes (a KOL): before the fingerprint
            before = Fingerprint.settled(Stack.get(), service());
        }

        @AfterProperty
        void sameDatabaseAfter() {
            assertThat(Fingerprint.of(Stack.get(), service())).as("what the rejected requests left in the database")
                    .isEqualTo(before);
        }

        @Property(tries = MALFORMED, shrinking = ShrinkingMode.OFF)
        void shouldRejectEveryMalformedWriteAsAProblemAndWriteNothing(@ForAll("malformed") Fuzzer.Call call)
                throws Exception {
            int status = send(service(), call);
            if (call.writes()) {
                assertThat(status).as(call.toString()).isGreaterThanOrEqualTo(400);
            }
        }

        @Provide
        Arbitrary<Fuzzer.Call> malformed() {
            Fuzzer fuzzer = fuzzer(service());
            return Arbitraries.randomValue(fuzzer::malformed)
                    .filter(call -> !call.path().contains("calendar-feed") && !call.path().contains("/admin/rebuild"));
        }
    }

    @Group
    class KolMalformed extends Malformed {
        @Override
        Service service() {
            return Service.KOL;
        }
    }

    @Group
    class InteractionMalformed extends Malformed {
        @Override
        Service service() {
            return Service.INTERACTION;
        }
    }

    @Group
    class InsightMalformed extends Malformed {
        @Override
        Service service() {
            return Service.INSIGHT;
        }
    }

    @Group
    class MetricsMalformed extends Malformed {
        @Override
        Service service() {
            return Service.METRICS;
        }
    }

    /** Sends the call; asserts no 5xx and a problem+json body for every error. Returns the status. */
    static int send(Service service, Fuzzer.Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.get().url(service) + call.path()))
                .timeout(Duration.ofSeconds(30))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        assertThat(status).as(call + " -> " + response.body()).isLessThan(500);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(call + " -> " + status + " "
                    + response.headers().map() + " " + response.body())
                    .startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).as(call.toString()).isEqualTo(status);
            assertThat(problem.path("title").asText()).isNotBlank();
        }
        return status;
    }
}
