package io.rapport.drills;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.launcher.DemoPeople;
import io.rapport.launcher.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One KOL's story through the four services with a unique marker in every free-text field the APIs accept: the
 * fields are read from each operation's request schema in the OpenAPI (see {@link OpenApi#freeText}), so a field
 * added later is marked too. CRM upsert, bulk import and creation with an Idempotency-Key, merge patches, a
 * completed and a cancelled meeting with a follow-up, a medical information request answered and reviewed, an
 * insight rejected, reworked, validated and actioned, a resource shared, and finally (for the erasure tests) an
 * erasure with a marked reason. A field the service refuses a marker in (400 naming it: an e-mail must be an
 * e-mail) is written without one and listed in {@link #refused}.
 */
final class MarkedStory {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    /** Free text; lower case and ending in digits so that no index, stemmer or case folding changes it. */
    final String marker;
    /**
     * The erasure's own reason: the proof of the erasure keeps it (who asked, when and why), so it may stay in
     * kol-service's erasure record and nowhere else (never in an event, a log, another table).
     */
    final String reasonMarker;
    /**
     * The free text of a record the law makes Rapport keep (an insight reporting an adverse event): it may stay,
     * but only under a pseudonym, never in a row that names the KOL.
     */
    final String heldMarker;
    private String current;
    /** The digits of a marked phone number and the NPI: personal data that cannot hold letters. */
    final String digits;
    final String npi;
    final Stack stack;
    final String externalSystem = "drills";
    final String externalId;
    String kolId;
    /** The ids of the story's records, by kind ("interaction", "follow-up", ...). */
    final Map<String, List<String>> records = new LinkedHashMap<>();
    /** Per operation, the free-text fields that were accepted with a marker. */
    final Map<String, Set<String>> marked = new LinkedHashMap<>();
    /** Per operation, the fields whose marker the service refused as invalid (written without one). */
    final Map<String, Set<String>> refused = new LinkedHashMap<>();

    private final String admin;
    private final String crm;
    private final String msl;
    private final String manager;

    MarkedStory(Stack stack) {
        this.stack = stack;
        StringBuilder letters = new StringBuilder("zq");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        long seed = random.nextLong(1_000_000, 9_000_000);
        this.marker = letters.append(random.nextInt(10, 100)).toString();
        this.reasonMarker = token(random, "zr");
        this.heldMarker = token(random, "zh");
        this.current = marker;
        this.digits = "9" + seed;
        this.npi = DemoPeople.npi(seed);
        // An external id is a CRM's key, not free text: not marked (events may carry it), but erased all the same.
        this.externalId = "ext-" + UUID.randomUUID();
        this.admin = stack.admin();
        this.crm = stack.token("crm-marked", "integration");
        this.msl = stack.token(Stack.MSL_A, "msl");
        this.manager = stack.token(Stack.MANAGER_A, "medical-manager");
    }

    /** The strings that must be found nowhere after the erasure: the marker, the phone digits, the NPI, the CRM id. */
    List<String> needles() {
        return List.of(marker, digits, npi, externalId);
    }

    /** The free text of the story, which no event may carry: every marker, the phone digits and the NPI. */
    List<String> freeText() {
        return List.of(marker, digits, npi, reasonMarker, heldMarker);
    }

    private static String token(ThreadLocalRandom random, String prefix) {
        StringBuilder letters = new StringBuilder(prefix);
        for (int i = 0; i < 9; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.append(random.nextInt(10, 100)).toString();
    }

    /** Runs the story up to (not including) the erasure; the KOL is assigned to {@link Stack#MSL_A}. */
    MarkedStory tell() {
        String kol = stack.url(Service.KOL);
        String interaction = stack.url(Service.INTERACTION);
        String insight = stack.url(Service.INSIGHT);
        OpenApi kolApi = OpenApi.of(stack, Service.KOL);
        OpenApi interactionApi = OpenApi.of(stack, Service.INTERACTION);
        OpenApi insightApi = OpenApi.of(stack, Service.INSIGHT);

        // kol-service: created with an Idempotency-Key, upserted by the CRM, imported, patched.
        ObjectNode profile = object("name", object("family", "Drill"), "country", "DE", "tier", 1, "therapeuticAreas",
                array(Stack.AREA), "identifiers", object("npi", npi, "external", array(object("system", externalSystem,
                        "id", externalId))));
        kolId = write(admin, kolApi, "POST", "/api/v1/kols", Map.of(), profile, 201, idempotent()).path("id").asText();
        records.put("kol", List.of(kolId));
        write(crm, kolApi, "PUT", "/api/v1/kols/by-external-id/{system}/{externalId}", Map.of("system", externalSystem,
                "externalId", externalId), profile, 200, Map.of());
        importRow(profile);
        patch(admin, kolApi, "/api/v1/kols/{id}", kolId, kolApi.operation("POST", "/api/v1/kols"),
                object("name", object("family", "Drill")));
        Stack.as(admin).header("If-Match", etag(admin, kol + "/api/v1/kols/" + kolId))
                .body(Map.of("msls", List.of(Stack.MSL_A))).put(kol + "/api/v1/kols/" + kolId + "/assignments")
                .then().statusCode(200);

        // interaction-service: a meeting planned, patched and completed; one cancelled; a follow-up; a CRM upsert.
        ObjectNode planned = (ObjectNode) Stack.JSON.valueToTree(Stack.plannedMeeting(kolId));
        String held = write(msl, interactionApi, "POST", "/api/v1/interactions", Map.of(), planned, 201, idempotent())
                .path("id").asText();
        patch(msl, interactionApi, "/api/v1/interactions/{id}", held, null, object("objective", "x"));
        write(msl, interactionApi, "POST", "/api/v1/interactions/{id}/complete", Map.of("id", held), object(
                "occurredAt", Instant.now().minus(Duration.ofHours(1)).toString(), "durationMinutes", 30,
                "disclosureMade", true, "feedbackScore", 4, "adverseEventMentioned", false,
                "productComplaintMentioned", false), 200, ifMatch(msl, interaction + "/api/v1/interactions/" + held));
        String cancelled = write(msl, interactionApi, "POST", "/api/v1/interactions", Map.of(), (ObjectNode) Stack.JSON
                .valueToTree(Stack.plannedMeeting(kolId)).deepCopy(), 201, Map.of()).path("id").asText();
        write(msl, interactionApi, "POST", "/api/v1/interactions/{id}/cancel", Map.of("id", cancelled), object(), 200,
                ifMatch(msl, interaction + "/api/v1/interactions/" + cancelled));
        String followUp = write(msl, interactionApi, "POST", "/api/v1/interactions/{id}/follow-ups", Map.of("id", held),
                object("dueDate", LocalDate.now().plusDays(7).toString()), 201, Map.of()).path("id").asText();
        patch(msl, interactionApi, "/api/v1/follow-ups/{id}", followUp,
                interactionApi.operation("POST", "/api/v1/interactions/{id}/follow-ups"), object());
        ObjectNode synced = (ObjectNode) Stack.JSON.valueToTree(Stack.completedMeeting(kolId));
        synced.put("mslId", Stack.MSL_A);
        String crmMeeting = write(crm, interactionApi, "PUT", "/api/v1/interactions/by-external-id/{system}/{externalId}",
                Map.of("system", "veeva", "externalId", "m-" + UUID.randomUUID()), synced, 201, Map.of()).path("id").asText();
        records.put("interaction", List.of(held, cancelled, crmMeeting));
        records.put("follow-up", List.of(followUp));

        // A medical information request, answered and reviewed.
        String request = write(msl, interactionApi, "POST", "/api/v1/medical-requests", Map.of(), object("kolId", kolId,
                "initiatedBy", "KOL", "therapeuticArea", Stack.AREA, "offLabel", false, "unsolicited", true,
                "responseChannel", "EMAIL", "adverseEventMentioned", false), 201, idempotent()).path("id").asText();
        write(msl, interactionApi, "POST", "/api/v1/medical-requests/{id}/answer", Map.of("id", request), object(), 200,
                ifMatch(msl, interaction + "/api/v1/medical-requests/" + request));
        // A solicited off-label question goes to a compliance review, which the manager clears with a note.
        String reviewed = write(msl, interactionApi, "POST", "/api/v1/medical-requests", Map.of(), object("kolId", kolId,
                "initiatedBy", "MSL", "therapeuticArea", Stack.AREA, "offLabel", true, "unsolicited", false,
                "responseChannel", "EMAIL", "adverseEventMentioned", false), 201, Map.of()).path("id").asText();
        attempt(manager, interactionApi, "POST", "/api/v1/medical-requests/{id}/review", Map.of("id", reviewed),
                object("decision", "CLEARED"), ifMatch(manager, interaction + "/api/v1/medical-requests/" + reviewed));
        records.put("medical-request", List.of(request, reviewed));

        // insight-service: one insight rejected, reworked, validated and actioned; a resource shared.
        ObjectNode draft = object("kolId", kolId, "interactionId", held, "therapeuticArea", Stack.AREA, "category",
                "UNMET_NEED", "tags", array("elderly-patients"), "adverseEventMentioned", false);
        String idea = write(msl, insightApi, "POST", "/api/v1/insights", Map.of(), draft, 201, idempotent()).path("id")
                .asText();
        patch(msl, insightApi, "/api/v1/insights/{id}", idea, null, object("title", "x", "text", "x"));
        String insightUrl = insight + "/api/v1/insights/" + idea;
        write(msl, insightApi, "POST", "/api/v1/insights/{id}/submit", Map.of("id", idea), null, 200, ifMatch(msl,
                insightUrl));
        write(manager, insightApi, "POST", "/api/v1/insights/{id}/reject", Map.of("id", idea), object(), 200,
                ifMatch(manager, insightUrl));
        attempt(msl, insightApi, "POST", "/api/v1/insights/{id}/rework", Map.of("id", idea), null, ifMatch(msl,
                insightUrl));
        attempt(msl, insightApi, "POST", "/api/v1/insights/{id}/submit", Map.of("id", idea), null, ifMatch(msl,
                insightUrl));
        attempt(manager, insightApi, "POST", "/api/v1/insights/{id}/validate", Map.of("id", idea), null,
                ifMatch(manager, insightUrl));
        attempt(manager, insightApi, "POST", "/api/v1/insights/{id}/action", Map.of("id", idea), object(),
                ifMatch(manager, insightUrl));
        ObjectNode adverse = draft.deepCopy();
        adverse.put("adverseEventMentioned", true);
        current = heldMarker;
        String second = write(msl, insightApi, "POST", "/api/v1/insights", Map.of(), adverse, 201, Map.of())
                .path("id").asText();
        current = marker;
        attempt(msl, insightApi, "POST", "/api/v1/insights/{id}/safety-report", Map.of("id", second),
                object("safetyReportId", "SR-" + UUID.randomUUID()),
                ifMatch(msl, insight + "/api/v1/insights/" + second));
        records.put("insight", List.of(idea, second));
        String resource = Stack.as(manager).body(Map.of("type", "PUBLICATION", "title", "Phase III results",
                "citation", Map.of("type", "DOI", "value", "10.5555/rapport." + UUID.randomUUID()), "therapeuticAreas",
                List.of(Stack.AREA), "products", List.of(Stack.PRODUCT), "tags", List.of("efficacy"), "usage",
                "PROACTIVE", "markets", List.of("DE"))).post(insight + "/api/v1/resources").then().statusCode(201)
                .extract().path("id");
        Stack.as(stack.token("approver-marked", "admin")).header("If-Match", "\"1\"").body(Map.of("mlrApprovalId",
                "MLR-" + UUID.randomUUID(), "expiresAt", Instant.now().plus(Duration.ofDays(90)).toString()))
                .post(insight + "/api/v1/resources/" + resource + "/approve").then().statusCode(200);
        String share = write(msl, insightApi, "POST", "/api/v1/shares", Map.of(), object("resourceId", resource,
                "kolId", kolId, "interactionId", held, "channel", "IN_PERSON"), 201, idempotent()).path("id").asText();
        records.put("share", List.of(share));

        // The rights endpoints last (an objection or do-not-contact refuses new records): their reasons, sources
        // and requesters are free text too, and are audited.
        Map<String, String> id = Map.of("id", kolId);
        attempt(msl, kolApi, "PUT", "/api/v1/kols/{id}/consents/{purpose}", Map.of("id", kolId, "purpose",
                "EMAIL_CONTACT"), object("status", "GRANTED"), Map.of());
        attempt(msl, kolApi, "PUT", "/api/v1/kols/{id}/lawful-basis", id, object("lawfulBasis", "LEGITIMATE_INTEREST"),
                Map.of());
        attempt(msl, kolApi, "PUT", "/api/v1/kols/{id}/privacy-notice", id, object("sentAt", Instant.now()
                .minus(Duration.ofDays(3)).toString()), Map.of());
        attempt(msl, kolApi, "PUT", "/api/v1/kols/{id}/do-not-contact", id, object(), Map.of());
        attempt(msl, kolApi, "DELETE", "/api/v1/kols/{id}/do-not-contact", id, object(), Map.of());
        attempt(msl, kolApi, "POST", "/api/v1/kols/{id}/objection", id, object(), Map.of());
        attempt(msl, kolApi, "DELETE", "/api/v1/kols/{id}/objection", id, object(), Map.of());
        return this;
    }

    /** The erasure, with a marked reason. */
    void erase() {
        Http.Answer erased = Http.send("POST", stack.url(Service.KOL) + "/api/v1/kols/" + kolId + "/erasure", admin,
                "application/json", Stack.json(Map.of("reason", "GDPR request " + reasonMarker)), Map.of());
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        marked.computeIfAbsent("kol POST /api/v1/kols/{id}/erasure", k -> new LinkedHashSet<>()).add("reason");
    }

    /**
     * The free-text fields of the write operations about a KOL (not reference data, the MSL directory or the
     * resource library, which hold no KOL's data) that the story never wrote a marker into, each "operation field".
     */
    Set<String> unmarked() {
        Set<String> missing = new TreeSet<>();
        for (OpenApi.Operation op : OpenApi.all(stack)) {
            if (!op.writes() || op.path().matches(".*/(therapeutic-areas|products|research-topics|msls|resources)(/.*)?")) {
                continue;
            }
            for (String field : OpenApi.of(stack, op.service()).freeText(op)) {
                if (!rights(field) && !marked.getOrDefault(op.name(), Set.of()).contains(field)
                        && !refused.getOrDefault(op.name(), Set.of()).contains(field)) {
                    missing.add(op.name() + " " + field);
                }
            }
        }
        return missing;
    }

    // ---------------------------------------------------------------------------------------------------------

    private void importRow(ObjectNode profile) {
        OpenApi kolApi = OpenApi.of(stack, Service.KOL);
        OpenApi.Operation post = kolApi.operation("POST", "/api/v1/kols");
        OpenApi.Operation imports = kolApi.operation("POST", "/api/v1/kols/import");
        ObjectNode row = profile.deepCopy();
        List<String> fields = kolApi.freeText(post).stream().filter(f -> !rights(f)).toList();
        for (int round = 0; round < 8; round++) {
            ObjectNode body = row.deepCopy();
            fields.forEach(field -> mark(kolApi, kolApi.requestSchema(post).orElseThrow(), body, field));
            Http.Answer response = Http.send("POST", stack.url(Service.KOL) + imports.path(), crm, "application/x-ndjson",
                    Stack.json(body) + "\n", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode report = read(response.body().lines().findFirst().orElse("{}"));
            if (!"REJECTED".equals(report.path("outcome").asText(report.path("status").asText()))) {
                marked.computeIfAbsent(imports.name(), k -> new LinkedHashSet<>()).addAll(fields);
                return;
            }
            List<String> wrong = errorFields(report);
            if (wrong.isEmpty() || !fields.stream().anyMatch(wrong::contains)) {
                throw new AssertionError("import row rejected: " + report);
            }
            fields = fields.stream().filter(f -> !wrong.contains(f)).toList();
            refused.computeIfAbsent(imports.name(), k -> new LinkedHashSet<>()).addAll(wrong);
        }
        throw new AssertionError("import row still rejected");
    }

    /** A merge patch that marks the free text of the resource (as its creation schema names it). */
    private void patch(String token, OpenApi api, String path, String id, OpenApi.Operation schemaFrom, ObjectNode base) {
        OpenApi.Operation op = api.operation("PATCH", path);
        List<String> fields = new ArrayList<>();
        JsonNode schema = null;
        if (schemaFrom != null) {
            schema = api.requestSchema(schemaFrom).orElseThrow();
            fields.addAll(api.freeText(schemaFrom).stream().filter(f -> !rights(f)).toList());
        }
        base.fieldNames().forEachRemaining(name -> {
            if (!base.get(name).isObject()) {
                fields.add(name);
            }
        });
        String url = stack.url(api.service) + path.replace("{id}", id);
        List<String> left = new ArrayList<>(new LinkedHashSet<>(fields));
        for (int round = 0; round < 8; round++) {
            ObjectNode body = base.deepCopy();
            for (String field : left) {
                mark(api, schema, body, field);
            }
            Http.Answer response = Http.send("PATCH", url, token, "application/merge-patch+json", Stack.json(body),
                    Map.of("If-Match", etag(token, url)));
            if (response.status() == 200) {
                marked.computeIfAbsent(op.name(), k -> new LinkedHashSet<>()).addAll(left);
                return;
            }
            List<String> wrong = response.status() == 400 ? errorFields(read(response.body())) : List.of();
            if (wrong.isEmpty()) {
                throw new AssertionError(op.name() + " -> " + response.status() + " " + response.body());
            }
            List<String> before = left;
            left = left.stream().filter(f -> !fieldsContain(wrong, f)).toList();
            if (left.size() == before.size()) {
                throw new AssertionError(op.name() + " -> " + response.body());
            }
            refused.computeIfAbsent(op.name(), k -> new LinkedHashSet<>()).addAll(before.stream()
                    .filter(f -> fieldsContain(wrong, f)).toList());
        }
        throw new AssertionError(op.name() + " still refused");
    }

    /** A step the story tries (its role or state may refuse it); its markers count only if it was accepted. */
    private void attempt(String token, OpenApi api, String method, String path, Map<String, String> params,
            ObjectNode base, Map<String, String> headers) {
        try {
            write(token, api, method, path, params, base, -1, headers);
        } catch (AssertionError refusedStep) {
            System.out.println("[drills] story step not taken: " + refusedStep.getMessage());
        }
    }

    /**
     * Sends the operation with a marker in every free-text field of its schema (over the base body); drops the
     * marker from a field the service refuses it in. {@code expected} -1: any 2xx.
     */
    JsonNode write(String token, OpenApi api, String method, String path, Map<String, String> params, ObjectNode base,
            int expected, Map<String, String> headers) {
        OpenApi.Operation op = api.operation(method, path);
        JsonNode schema = api.requestSchema(op).orElse(null);
        List<String> fields = new ArrayList<>(schema == null ? List.of()
                : api.freeText(op).stream()
                        .filter(f -> !rights(f)).toList());
        String url = stack.url(api.service) + path;
        for (Map.Entry<String, String> p : params.entrySet()) {
            url = url.replace("{" + p.getKey() + "}", p.getValue());
        }
        for (int round = 0; round < 8; round++) {
            ObjectNode body = base == null ? null : base.deepCopy();
            if (body != null) {
                for (String field : fields) {
                    mark(api, schema, body, field);
                }
            }
            Http.Answer response = Http.send(method, url, token, body == null ? null : "application/json",
                    body == null ? null : Stack.json(body), headers);
            int status = response.status();
            if (expected == -1 ? status >= 200 && status < 300 : status == expected) {
                marked.computeIfAbsent(op.name(), k -> new LinkedHashSet<>()).addAll(fields);
                return read(response.body());
            }
            List<String> wrong = status == 400 ? errorFields(read(response.body())) : List.of();
            List<String> before = fields;
            fields = fields.stream().filter(f -> !fieldsContain(wrong, f)).toList();
            if (wrong.isEmpty() || fields.size() == before.size()) {
                throw new AssertionError(op.name() + " -> " + status + " " + response.body());
            }
            refused.computeIfAbsent(op.name(), k -> new LinkedHashSet<>()).addAll(before.stream()
                    .filter(f -> fieldsContain(wrong, f)).toList());
        }
        throw new AssertionError(op.name() + " still refused after dropping markers");
    }

    private static boolean fieldsContain(List<String> wrong, String field) {
        return wrong.stream().anyMatch(w -> w.equals(field) || w.startsWith(field.replace("[]", "") + ".")
                || field.startsWith(w + ".") || field.startsWith(w + "[]")
                // a rule over an element ("publications[].identified"): the element the story made up goes
                || w.contains("[]") && field.startsWith(w.substring(0, w.indexOf("[]") + 2)));
    }

    /**
     * The rights state (objection, consents, do-not-contact) is changed by the rights endpoints only: the story
     * leaves it alone (a do-not-contact KOL takes no meetings), {@link RightsInvariantTest} covers it.
     */
    static boolean rights(String field) {
        return field.startsWith("dataProtection") || field.startsWith("doNotContact");
    }

    /** Sets a marked value at the dotted path (creating objects and one-element arrays on the way). */
    private void mark(OpenApi api, JsonNode schema, ObjectNode body, String path) {
        String[] parts = path.split("\\.");
        ObjectNode node = body;
        String walked = "";
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean array = part.endsWith("[]");
            String name = array ? part.substring(0, part.length() - 2) : part;
            walked = walked.isEmpty() ? part : walked + "." + part;
            boolean last = i == parts.length - 1;
            if (last && !array) {
                node.put(name, value(api, schema, path));
                return;
            }
            if (array) {
                JsonNode existing = node.get(name);
                ArrayNode items = existing instanceof ArrayNode a ? a : node.putArray(name);
                if (last) {
                    items.add(value(api, schema, path));
                    return;
                }
                if (items.isEmpty() || !items.get(0).isObject()) {
                    items.removeAll();
                    items.add(skeleton(api, schema, walked));
                }
                node = (ObjectNode) items.get(0);
            } else {
                JsonNode existing = node.get(name);
                node = existing instanceof ObjectNode o ? o : node.putObject(name);
            }
        }
    }

    /** A new array element with its required properties filled in validly. */
    private ObjectNode skeleton(OpenApi api, JsonNode schema, String arrayPath) {
        ObjectNode item = NODES.objectNode();
        if (schema == null) {
            return item;
        }
        JsonNode items = api.property(schema, arrayPath).orElse(NODES.objectNode());
        items = api.resolve(items);
        for (JsonNode required : items.path("required")) {
            JsonNode property = api.resolve(items.path("properties").path(required.asText()));
            item.set(required.asText(), sample(property, arrayPath + "." + required.asText()));
        }
        return item;
    }

    private JsonNode sample(JsonNode s, String path) {
        if (s.has("enum") && s.get("enum").toString().contains("\"URL\"")) {
            return NODES.textNode("URL"); // evidence and citations: a URL takes any marked text
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        return switch (OpenApi.type(s)) {
            case "integer", "number" -> NODES.numberNode(Math.max(1, s.path("minimum").asLong(1)));
            case "boolean" -> NODES.booleanNode(false);
            case "object" -> NODES.objectNode();
            case "array" -> NODES.arrayNode();
            default -> leaf(path).equals("currency") ? NODES.textNode("EUR")
                    : leaf(path).equals("country")
                            ? NODES.textNode("DE")
                            : leaf(path).equals("type") && s.path("enum").toString().contains("\"URL\"")
                                    ? NODES.textNode("URL")
                                    : switch (s.path("format").asText()) {
                                        case "date" -> NODES.textNode(LocalDate.now().minusYears(1).toString());
                                        case "date-time" -> NODES.textNode(Instant.now().minus(Duration.ofDays(1)).toString());
                                        case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                                        default -> NODES.textNode(current + " " + leaf(path));
                                    };
        };
    }

    /** The marker in a form the field takes: an e-mail, a phone number, the NPI, or text. */
    private JsonNode value(OpenApi api, JsonNode schema, String path) {
        String leaf = leaf(path).toLowerCase(Locale.ROOT);
        if (leaf.equals("email")) {
            return NODES.textNode(marker + "@clinic.example.org");
        }
        if (leaf.equals("phone")) {
            return NODES.textNode("+49 30 " + digits);
        }
        if (leaf.equals("npi")) {
            return NODES.textNode(npi);
        }
        if (leaf.equals("value")) {
            return NODES.textNode("https://example.org/" + current);
        }
        if (leaf.equals("doi")) {
            return NODES.textNode("10.5555/" + marker);
        }
        int max = schema == null ? 200 : api.property(schema, path).map(s -> s.path("maxLength").asInt(200)).orElse(200);
        String text = current + " " + leaf;
        return NODES.textNode(text.length() <= max ? text : current.substring(0, Math.min(current.length(), max)));
    }

    /** The fields a 400 problem (or a rejected import row) names, as schema paths ("publications[].pmid"). */
    private static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> {
            String field = e.path("field").asText(e.path("pointer").asText(""));
            if (!field.isEmpty()) {
                fields.add(INDEX.matcher(field.replaceFirst("^/", "").replace('/', '.')).replaceAll("[]"));
            }
        });
        return fields;
    }

    private static String leaf(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.endsWith("[]") ? last.substring(0, last.length() - 2) : last;
    }

    private String etag(String token, String url) {
        return Stack.as(token).get(url).then().statusCode(200).extract().header("ETag");
    }

    private Map<String, String> ifMatch(String token, String url) {
        return Map.of("If-Match", etag(token, url));
    }

    private static Map<String, String> idempotent() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }

    static JsonNode read(String text) {
        try {
            return text == null || text.isBlank() ? NODES.objectNode() : Stack.JSON.readTree(text);
        } catch (java.io.IOException e) {
            return NODES.objectNode();
        }
    }

    static ObjectNode object(Object... pairs) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.set((String) pairs[i], Stack.JSON.valueToTree(pairs[i + 1]));
        }
        return node;
    }

    static ArrayNode array(Object... values) {
        ArrayNode node = NODES.arrayNode();
        for (Object value : values) {
            node.add(Stack.JSON.valueToTree(value));
        }
        return node;
    }
}
