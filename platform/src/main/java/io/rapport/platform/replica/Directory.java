package io.rapport.platform.replica;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.platform.config.PlatformConfig;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.FieldError;
import io.smallrye.mutiny.Uni;

/**
 * What a consuming service knows of kol-service's data: the MSL directory (who is in which team, managed by
 * whom, in which time zone), reference codes and KOLs, from its replicas; when a replica misses one (its
 * event is not consumed yet), from one call to kol-service. When that fails too, the caller gets a 503,
 * never a guess. Runs in the caller's Hibernate Reactive session.
 */
@ApplicationScoped
public class Directory {

    public static final String KOL = "kol";
    public static final String MSL = "msl";
    public static final String THERAPEUTIC_AREA = "therapeutic-area";
    public static final String PRODUCT = "product";

    private final Replicas replicas;
    private final RemoteReplicas remote;
    private final PlatformConfig config;

    public Directory(Replicas replicas, RemoteReplicas remote, PlatformConfig config) {
        this.replicas = replicas;
        this.remote = remote;
        this.config = config;
    }

    /** An MSL of the directory. */
    public record Entry(String userId, String team, String manager, String timeZone) {
    }

    /** An MSL of the directory; 422 {@code unknown-msl} when kol-service does not know them either. */
    public Uni<Entry> msl(String userId) {
        return replicas.get(MSL, userId, Entry.class).chain(msl -> msl != null ? Uni.createFrom().item(msl)
                : fetch(MSL, userId, "/api/v1/msls/" + segment(userId), "MSL " + userId, "unknown-msl")
                        .chain(() -> replicas.get(MSL, userId, Entry.class)));
    }

    /** The teams whose MSLs the given manager manages. */
    public Uni<Set<String>> teamsManagedBy(String manager) {
        return replicas.valuesWhere(MSL, "team", "manager", manager).map(HashSet::new);
    }

    /** The KOL as {@code view}; with {@code lock}, its row stays locked until the transaction ends. */
    public <T> Uni<T> kol(String kolId, Class<T> view, boolean lock) {
        Uni<T> local = lock ? replicas.lock(KOL, kolId, view) : replicas.get(KOL, kolId, view);
        return local.chain(kol -> kol != null ? Uni.createFrom().item(kol)
                : fetch(KOL, kolId, "/api/v1/kols/" + segment(kolId) + "/replica", "KOL " + kolId, "unknown-kol")
                        .chain(() -> lock ? replicas.lock(KOL, kolId, view) : replicas.get(KOL, kolId, view)));
    }

    /** 400 naming each therapeutic area and product code the reference data does not hold. */
    public Uni<Void> requireCodes(String areaField, List<String> areas, String productField, List<String> products) {
        return replicas.existing(THERAPEUTIC_AREA, areas)
                .chain(knownAreas -> replicas.existing(PRODUCT, products).map(knownProducts -> {
                    List<FieldError> errors = new ArrayList<>();
                    unknown(errors, areaField, areas, knownAreas, "therapeutic area");
                    unknown(errors, productField, products, knownProducts, "product");
                    if (!errors.isEmpty()) {
                        throw DomainException.invalid(errors);
                    }
                    return null;
                })).replaceWithVoid();
    }

    private static void unknown(List<FieldError> errors, String field, List<String> codes, List<String> known, String what) {
        boolean single = !field.endsWith("s");
        for (int i = 0; i < codes.size(); i++) {
            if (!known.contains(codes.get(i))) {
                errors.add(new FieldError(single ? field : field + "[" + i + "]", "unknown " + what + " code '"
                        + codes.get(i) + "'"));
            }
        }
    }

    private Uni<Void> fetch(String kind, String id, String path, String what, String unknown) {
        return remote.fetchOr503(config.kolServiceUrl() + path, what).chain(data -> {
            if (data == null) {
                throw DomainException.rule(unknown, what + " does not exist");
            }
            return replicas.apply(kind, id, version(data), withoutNames(data)).replaceWithVoid();
        });
    }

    /** An id as one path segment: a made-up id must reach the owner as itself (and be unknown there). */
    private static String segment(Object id) {
        return java.net.URLEncoder.encode(String.valueOf(id), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long version(JsonNode data) {
        return data.has("aggregateVersion") ? data.path("aggregateVersion").asLong() : data.path("version").asLong();
    }

    /** The directory view holds the MSL's display name; replicas keep no names. */
    private static JsonNode withoutNames(JsonNode data) {
        if (data instanceof ObjectNode object && object.has("displayName")) {
            ObjectNode copy = object.deepCopy();
            copy.remove("displayName");
            return copy;
        }
        return data;
    }
}
