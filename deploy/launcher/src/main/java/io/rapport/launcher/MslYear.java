package io.rapport.launcher;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.rapport.launcher.DemoData.map;

/** One MSL's year in the demo: their KOLs, meetings, follow-ups, requests, insights and shares. */
final class MslYear {

    private static final int[] MEETINGS_PER_YEAR = { 0, 20, 14, 8, 4 };
    private static final String[] INSIGHT_STATES = { "DRAFT", "SUBMITTED", "VALIDATED", "ACTIONED", "REJECTED",
            "SUBMITTED", "VALIDATED" };
    private static final String[] CATEGORIES = { "UNMET_NEED", "TREATMENT_PRACTICE", "DATA_PERCEPTION",
            "TRIAL_FEEDBACK", "COMPETITIVE_LANDSCAPE", "ACCESS_AND_GUIDELINES" };

    private record Kol(String id, int tier, String area, boolean emailAllowed, boolean contactable,
            List<String> channels, int minutes) {
    }

    private final DemoData demo;
    private final DemoData.Team team;
    private final String msl;
    private final int number;
    private final Random random;
    private final Api api;
    private final String token;
    private final String manager;
    private final String kolService;
    private final String interactions;
    private final String insightService;
    private final List<Kol> kols = new ArrayList<>();

    MslYear(DemoData demo, DemoData.Team team, String msl, int number, Random random) {
        this.demo = demo;
        this.team = team;
        this.msl = msl;
        this.number = number;
        this.random = random;
        this.api = demo.api();
        Suite suite = demo.suite();
        this.token = suite.token(msl, "msl");
        this.manager = suite.token(team.manager(), "medical-manager");
        this.kolService = suite.url(Service.KOL);
        this.interactions = suite.url(Service.INTERACTION);
        this.insightService = suite.url(Service.INSIGHT);
    }

    void write() {
        for (int k = 0; k < 10; k++) {
            createKol(k);
        }
        for (Kol kol : kols) {
            if (kol.contactable()) {
                meetings(kol);
            }
        }
        for (int i = 0; i < 3; i++) {
            request(i);
        }
        for (int i = 0; i < INSIGHT_STATES.length; i++) {
            insight(INSIGHT_STATES[i]);
        }
        for (int i = 0; i < 7; i++) {
            share();
        }
    }

    private void createKol(int k) {
        int tier = new int[] { 1, 2, 2, 3, 3, 3, 4, 4, 4, 2 }[k];
        String area = random.nextInt(4) == 0 ? DemoPeople.AREAS.get(random.nextInt(4)) : team.area();
        String country = team.countries().get(random.nextInt(team.countries().size()));
        Map<String, Object> profile = DemoPeople.kol(random, number * 10 + k, country, area, tier);
        boolean doNotContact = number == 0 && k == 9;
        if (number == 1 && k == 0) {
            profile.put("preferences", Map.of("channels", List.of("IN_PERSON", "VIDEO"), "meetingLengthMinutes", 30,
                    "maxContactsPerQuarter", 3));
        }
        String id = api.expect(api.post(kolService + "/api/v1/kols", token, profile), 201).id();
        // the rights are filed through their own endpoints, by the MSL the KOL is assigned to (never in the profile)
        Map<String, Object> consent = DemoPeople.emailConsent(number * 10 + k);
        api.expect(api.put(kolService + "/api/v1/kols/" + id + "/consents/EMAIL_CONTACT", token, consent), 200);
        if (doNotContact) {
            api.expect(api.put(kolService + "/api/v1/kols/" + id + "/do-not-contact", token, Map.of("reason",
                    "Asked not to be contacted by industry", "requestedBy", "the KOL in a meeting")), 200);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> preferences = (Map<String, Object>) profile.get("preferences");
        @SuppressWarnings("unchecked")
        List<String> channels = (List<String>) preferences.get("channels");
        kols.add(new Kol(id, tier, area, "GRANTED".equals(consent.get("status")), !doNotContact,
                channels, (Integer) preferences.get("meetingLengthMinutes")));
        demo.counted("kol");
    }

    /** A year of meetings by tier; the capped KOL (3 per quarter) has exactly reached its cap this quarter. */
    private void meetings(Kol kol) {
        boolean capped = number == 1 && kols.indexOf(kol) == 0;
        if (capped) {
            LocalDate quarterStart = LocalDate.now(ZoneOffset.UTC).with(IsoFields.DAY_OF_QUARTER, 1);
            long days = Math.max(1, Duration.between(quarterStart.atStartOfDay().toInstant(ZoneOffset.UTC), Instant.now())
                    .toDays());
            for (int i = 0; i < 3; i++) {
                completed(kol, Instant.now().minus(Duration.ofHours(1 + (days * 24 * i) / 3)));
            }
            return;
        }
        int count = MEETINGS_PER_YEAR[kol.tier()] + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Instant when = DemoData.daysAgo(random, 1 + random.nextInt(360));
            int roll = random.nextInt(100);
            if (roll < 85) {
                completed(kol, when);
            } else if (roll < 97) {
                String id = planned(kol, when);
                api.expect(api.post(interactions + "/api/v1/interactions/" + id + (roll < 93 ? "/cancel" : "/no-show"),
                        token, "\"1\"", roll < 93 ? Map.of("reason", "The KOL had to reschedule") : null), 200);
            } else {
                planned(kol, Instant.now().plus(Duration.ofDays(1 + random.nextInt(45))));
            }
        }
    }

    private String planned(Kol kol, Instant start) {
        Map<String, Object> body = interaction(kol);
        body.put("plannedStart", start.toString());
        demo.counted("interaction");
        return api.expect(api.post(interactions + "/api/v1/interactions", token, body), 201).id();
    }

    /** Half are planned first and completed afterwards; the others are logged after the fact. */
    private void completed(Kol kol, Instant when) {
        Map<String, Object> body = completion(kol, when);
        String id;
        if (random.nextBoolean()) {
            id = planned(kol, when.minus(Duration.ofMinutes(5)));
            api.expect(api.post(interactions + "/api/v1/interactions/" + id + "/complete", token, "\"1\"", body), 200);
        } else {
            Map<String, Object> logged = interaction(kol);
            logged.putAll(body);
            body = logged;
            body.put("status", "COMPLETED");
            id = api.expect(api.post(interactions + "/api/v1/interactions", token, body), 201).id();
            demo.counted("interaction");
        }
        boolean lastWeek = when.isAfter(Instant.now().minus(Duration.ofDays(6)));
        if (lastWeek ? random.nextInt(5) < 3
                : when.isAfter(Instant.now().minus(Duration.ofDays(30))) && random.nextInt(12) == 0) {
            followUp(id, when);
        }
    }

    private Map<String, Object> completion(Kol kol, Instant when) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("occurredAt", when.toString());
        body.put("durationMinutes", random.nextInt(8) == 0 ? kol.minutes() + 15 : kol.minutes());
        body.put("disclosureMade", true);
        body.put("outcome", "Discussed the latest data; the KOL shared how they treat in practice");
        body.put("feedbackScore", 3 + random.nextInt(3) - (random.nextInt(8) == 0 ? 1 : 0));
        int safety = random.nextInt(100);
        body.put("adverseEventMentioned", safety < 3);
        body.put("productComplaintMentioned", false);
        if (safety < 2) {
            body.put("safetyReportId", "DS-DEMO-" + number + "-" + random.nextInt(10000));
        }
        if (random.nextInt(10) == 0) {
            body.put("transfersOfValue", List.of(map("kind", "MEAL", "amount", 20 + random.nextInt(40),
                    "currency", "US".equals(team.countries().get(0)) ? "USD" : "EUR")));
        }
        return body;
    }

    private void followUp(String interaction, Instant when) {
        LocalDate due = when.atZone(ZoneOffset.UTC).toLocalDate().plusDays(7);
        Api.Reply created = api.expect(api.post(interactions + "/api/v1/interactions/" + interaction + "/follow-ups",
                token, map("description", "Send the publication the KOL asked for", "dueDate", due.toString())), 201);
        // Promises of the last week are mostly kept on time; an older one still open is overdue.
        if (!due.isBefore(DemoData.today()) && random.nextInt(3) > 0) {
            api.expect(api.patch(interactions + "/api/v1/follow-ups/" + created.id(), token, created.etag(),
                    map("status", "DONE")), 200);
        }
    }

    private Map<String, Object> interaction(Kol kol) {
        // Mostly on a channel the KOL prefers and within the preferred length: respecting their time.
        String channel = random.nextInt(10) == 0 ? "PHONE" : kol.channels().get(random.nextInt(kol.channels().size()));
        if ("EMAIL".equals(channel) && !kol.emailAllowed()) {
            channel = "VIDEO";
        }
        Map<String, Object> body = map("kolId", kol.id(), "channel", channel,
                "kind", "ONE_TO_ONE", "objective", "Discuss the phase III results and the KOL's practice",
                "therapeuticArea", kol.area(), "products", List.of(DemoPeople.PRODUCTS.get(kol.area())),
                "durationMinutes", kol.minutes(), "timeZone", team.timeZone());
        body.put("topics", List.of(DemoPeople.insightTags(kol.area()).get(random.nextInt(3))));
        return body;
    }

    /** Questions of the last days, most answered in time; every third MSL has an old one still open (overdue). */
    private void request(int i) {
        Kol kol = contactableKol();
        boolean solicitedOffLabel = number == 2 && i == 0;
        Map<String, Object> body = map("kolId", kol.id(), "question", "What is known about use in elderly patients?",
                "initiatedBy", solicitedOffLabel ? "MSL" : "KOL", "therapeuticArea", kol.area(),
                "offLabel", solicitedOffLabel, "unsolicited", !solicitedOffLabel, "responseChannel", "EMAIL",
                "adverseEventMentioned", false, "receivedAt", (i == 2 && number % 3 == 0
                        ? DemoData.daysAgo(random, 10 + random.nextInt(20))
                        : Instant.now().minus(Duration.ofHours(
                                2 + random.nextInt(90))))
                        .toString());
        Api.Reply received = api.expect(api.post(interactions + "/api/v1/medical-requests", token, body), 201);
        demo.counted("request");
        boolean overdue = i == 2 && number % 3 == 0;
        if (!solicitedOffLabel && !overdue && random.nextInt(10) < 8) {
            api.expect(api.post(interactions + "/api/v1/medical-requests/" + received.id() + "/answer", token,
                    received.etag(), map("answer", "Summarised the published evidence and sent the references")), 200);
        }
    }

    private void insight(String state) {
        Kol kol = contactableKol();
        List<String> tags = DemoPeople.insightTags(kol.area());
        String tag = tags.get(Math.min(random.nextInt(3), random.nextInt(tags.size())));
        Map<String, Object> body = map("kolId", kol.id(), "therapeuticArea", kol.area(),
                "product", DemoPeople.PRODUCTS.get(kol.area()), "category", CATEGORIES[random.nextInt(CATEGORIES.length)],
                "title", "What KOLs say about " + tag.replace('-', ' '),
                "text", "Several patients in the KOL's practice are affected; the KOL would like more data on "
                        + tag.replace('-', ' ') + ".",
                "tags", List.of(tag), "sentiment", "NEUTRAL",
                "adverseEventMentioned", false);
        String id = api.expect(api.post(insightService + "/api/v1/insights", token, body), 201).id();
        demo.counted("insight");
        if (state.equals("DRAFT")) {
            return;
        }
        step(token, id, "submit", 1, null);
        switch (state) {
            case "VALIDATED" -> step(manager, id, "validate", 2, null);
            case "ACTIONED" -> {
                step(manager, id, "validate", 2, null);
                step(manager, id, "action", 3, map("actionTaken", "Shared with the medical strategy team"));
            }
            case "REJECTED" -> step(manager, id, "reject", 2, map("reason", "Please add the source of the data"));
            default -> {
                if (random.nextBoolean()) {
                    api.expect(api.post(insightService + "/api/v1/insights/" + id + "/endorse", manager, null), 200);
                }
            }
        }
    }

    private void step(String who, String id, String action, long version, Map<String, Object> body) {
        api.expect(api.post(insightService + "/api/v1/insights/" + id + "/" + action, who, "\"" + version + "\"", body), 200);
    }

    private void share() {
        Kol kol = contactableKol();
        List<String> matching = demo.resourcesShared().stream().filter(r -> r.contains(" " + kol.area() + " ")).toList();
        if (matching.isEmpty()) {
            return;
        }
        String resource = matching.get(random.nextInt(matching.size())).split(" ")[0];
        String channel = kol.emailAllowed() && random.nextBoolean() ? "EMAIL" : "IN_PERSON";
        api.expect(api.post(insightService + "/api/v1/shares", token, map("resourceId", resource, "kolId", kol.id(),
                "channel", channel)), 201);
        demo.counted("share");
    }

    private Kol contactableKol() {
        Kol kol;
        do {
            kol = kols.get(random.nextInt(kols.size()));
        } while (!kol.contactable());
        return kol;
    }
}
