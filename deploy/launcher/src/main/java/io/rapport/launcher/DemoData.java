package io.rapport.launcher;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A year of an MSL organisation, written through the public APIs: 20 MSLs in 3 teams, about 200 KOLs in 4
 * therapeutic areas and 4 tiers, thousands of interactions with follow-ups, medical information requests (a
 * few overdue), insights in every workflow state, approved and expired resources, shares, a KOL whose
 * frequency cap is reached and one who may not be contacted. Deterministic: one seed, each MSL's story from
 * its own random source, so running MSLs in parallel changes nothing.
 */
public final class DemoData {

    static final long SEED = 20261201L;
    static final List<Team> TEAMS = List.of(
            new Team("oncology-europe", "mgr-helena.weber", "Europe/Berlin", List.of("DE", "FR", "GB"), "ONCOLOGY", 7),
            new Team("specialty-europe", "mgr-pierre.martin", "Europe/Paris", List.of("FR", "ES", "IT"), "IMMUNOLOGY", 7),
            new Team("us-east", "mgr-sarah.johnson", "America/New_York", List.of("US"), "CARDIOLOGY", 6));
    private static final String[] MSL_NAMES = { "anna.schmidt", "ben.okafor", "clara.rossi", "david.levi",
            "eva.novak", "felix.brandt", "gina.marino", "henrik.larsen", "isabel.costa", "jakob.weiss", "kira.ivanova",
            "leo.fontaine", "mia.kowalski", "noah.fischer", "olga.petrova", "paul.durand", "quinn.harper", "ruth.adams",
            "sam.oneill", "tina.brooks" };

    /** A team of MSLs: its manager, time zone, countries and main therapeutic area. */
    public record Team(String name, String manager, String timeZone, List<String> countries, String area, int size) {
    }

    /** What the demo wrote, to print and to check. */
    public record Result(List<String> msls, int kols, int interactions, int requests, int insights, int shares) {
    }

    private final Suite suite;
    private final Api api = new Api();
    private final Consumer<String> progress;
    private final String admin;
    private final AtomicInteger interactions = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger insights = new AtomicInteger();
    private final AtomicInteger shares = new AtomicInteger();
    private final AtomicInteger kols = new AtomicInteger();
    private final List<String> resources = new ArrayList<>();

    public DemoData(Suite suite, Consumer<String> progress) {
        this.suite = suite;
        this.progress = progress;
        this.admin = suite.token("admin-demo", "admin");
    }

    /** The MSL ids of the demo directory, team by team. */
    public static List<String> mslIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MSL_NAMES.length; i++) {
            ids.add("msl-" + MSL_NAMES[i]);
        }
        return ids;
    }

    /** True when kol-service already holds KOLs (a second run reuses the data). */
    public boolean alreadySeeded() {
        Api.Reply reply = api.expect(api.get(suite.url(Service.KOL) + "/api/v1/kols?limit=1", admin), 200);
        return reply.body().path("items").size() > 0;
    }

    public Result seed() {
        long started = System.nanoTime();
        referenceData();
        List<String> msls = directory();
        resources();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            int index = 0;
            for (Team team : TEAMS) {
                for (int i = 0; i < team.size(); i++) {
                    String msl = msls.get(index);
                    int number = index++;
                    work.add(CompletableFuture.runAsync(() -> new MslYear(this, team, msl, number,
                            new Random(SEED + number)).write(), pool));
                }
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(work.toArray(CompletableFuture[]::new));
            while (!all.isDone()) {
                report(started);
                ServiceProcess.pause(1000);
            }
            all.join();
        } finally {
            pool.shutdown();
        }
        report(started);
        return new Result(msls, kols.get(), interactions.get(), requests.get(), insights.get(), shares.get());
    }

    private void report(long started) {
        progress.accept(String.format("demo data: %d KOLs, %d interactions, %d requests, %d insights, %d shares (%d s)",
                kols.get(), interactions.get(), requests.get(), insights.get(), shares.get(),
                (System.nanoTime() - started) / 1_000_000_000));
    }

    private void referenceData() {
        String kol = suite.url(Service.KOL);
        for (String area : DemoPeople.AREAS) {
            api.expect(api.put(kol + "/api/v1/therapeutic-areas/" + area, admin,
                    Map.of("name", area.charAt(0) + area.substring(1).toLowerCase())), 200, 201);
            api.expect(api.put(kol + "/api/v1/products/" + DemoPeople.PRODUCTS.get(area), admin, Map.of("name",
                    "Demo " + DemoPeople.PRODUCTS.get(area), "therapeuticArea", area,
                    "markets", List.of("DE", "FR", "GB", "ES", "IT", "US"))), 200, 201);
        }
        for (String topic : DemoPeople.researchTopics()) {
            api.expect(api.put(kol + "/api/v1/research-topics/" + topic, admin,
                    Map.of("name", DemoPeople.topicName(topic))), 200, 201);
        }
    }

    /** The managers and MSLs in the MSL directory; returns the MSL ids in team order. */
    private List<String> directory() {
        String kol = suite.url(Service.KOL);
        List<String> msls = mslIds();
        int index = 0;
        for (Team team : TEAMS) {
            api.expect(api.put(kol + "/api/v1/msls/" + team.manager(), admin, Map.of("displayName",
                    displayName(team.manager()), "team", "managers", "manager", "head-of-medical",
                    "territoryCountries", team.countries(), "therapeuticAreas", DemoPeople.AREAS,
                    "timeZone", team.timeZone())), 200, 201);
            for (int i = 0; i < team.size(); i++) {
                String msl = msls.get(index++);
                api.expect(api.put(kol + "/api/v1/msls/" + msl, admin, Map.of("displayName", displayName(msl),
                        "team", team.name(), "manager", team.manager(), "territoryCountries", team.countries(),
                        "therapeuticAreas", List.of(team.area(), DemoPeople.AREAS.get((index) % 4)),
                        "timeZone", team.timeZone())), 200, 201);
            }
        }
        return msls;
    }

    /** Approved resources per area (two expire within seconds), a reactive-only response letter, a withdrawn one. */
    private void resources() {
        String insight = suite.url(Service.INSIGHT);
        String manager = suite.token(TEAMS.get(0).manager(), "medical-manager");
        Instant inAYear = Instant.now().plus(Duration.ofDays(365));
        int n = 0;
        for (String area : DemoPeople.AREAS) {
            for (String tag : DemoPeople.insightTags(area).subList(0, 3)) {
                String id = resource(insight, manager, new DemoResource(area, tag, "PUBLICATION", "PROACTIVE", n++));
                approve(insight, manager, id, inAYear);
                resources.add(id + " " + area + " " + tag);
            }
        }
        String letter = resource(insight, manager,
                new DemoResource("ONCOLOGY", "biomarker-testing", "RESPONSE_LETTER", "REACTIVE_ONLY", n++));
        approve(insight, manager, letter, inAYear);
        String withdrawn = resource(insight, manager,
                new DemoResource("CARDIOLOGY", "lipid-lowering", "SLIDE_DECK", "PROACTIVE", n++));
        approve(insight, manager, withdrawn, inAYear);
        api.expect(api.post(insight + "/api/v1/resources/" + withdrawn + "/withdraw", manager, "\"2\"",
                Map.of("reason", "Superseded by the final analysis")), 200);
        for (String area : List.of("ONCOLOGY", "NEUROLOGY")) {
            // Approved for a few seconds: expired by the time anyone looks.
            String abstractId = resource(insight, manager,
                    new DemoResource(area, "congress", "CONGRESS_ABSTRACT", "PROACTIVE", n++));
            approve(insight, manager, abstractId, Instant.now().plus(Duration.ofSeconds(3)));
        }
        resource(insight, manager, new DemoResource("IMMUNOLOGY", "treat-to-target", "SLIDE_DECK", "PROACTIVE", n));
    }

    /** A resource of the demo: its area and tag, its type and usage, and its number (its DOI is unique by it). */
    private record DemoResource(String area, String tag, String type, String usage, int n) {
    }

    private String resource(String insight, String manager, DemoResource resource) {
        return api.expect(api.post(insight + "/api/v1/resources", manager, Map.of("type", resource.type(),
                "title", "Demo " + resource.type().toLowerCase().replace('_', ' ') + " on " + resource.tag().replace('-', ' '),
                "citation", Map.of("type", "DOI", "value", "10.5555/rapport.resource." + resource.n()),
                "therapeuticAreas", List.of(resource.area()), "products", List.of(DemoPeople.PRODUCTS.get(resource.area())),
                "tags", List.of(resource.tag()), "usage", resource.usage(),
                "markets", List.of("DE", "FR", "GB", "ES", "IT", "US"))), 201).id();
    }

    private void approve(String insight, String manager, String id, Instant expiresAt) {
        api.expect(api.post(insight + "/api/v1/resources/" + id + "/approve", manager, "\"1\"",
                Map.of("mlrApprovalId", "MLR-DEMO-" + id.substring(0, 6), "expiresAt", expiresAt.toString())), 200);
    }

    static String displayName(String id) {
        String[] parts = id.substring(id.indexOf('-') + 1).split("\\.");
        return Character.toUpperCase(parts[0].charAt(0)) + parts[0].substring(1) + " "
                + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1);
    }

    Suite suite() {
        return suite;
    }

    Api api() {
        return api;
    }

    /** Approved, shareable resources as "id area tag". */
    List<String> resourcesShared() {
        return resources;
    }

    void counted(String what) {
        switch (what) {
            case "kol" -> kols.incrementAndGet();
            case "interaction" -> interactions.incrementAndGet();
            case "request" -> requests.incrementAndGet();
            case "insight" -> insights.incrementAndGet();
            default -> shares.incrementAndGet();
        }
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static Instant daysAgo(Random random, int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)
                .plus(random.nextInt(8), ChronoUnit.HOURS);
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
