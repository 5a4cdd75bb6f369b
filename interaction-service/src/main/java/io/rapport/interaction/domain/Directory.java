package io.rapport.interaction.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.interaction.config.InteractionConfig;
import io.rapport.platform.api.FieldError;
import io.rapport.platform.api.ProblemException;
import io.rapport.platform.replica.RemoteReplicas;
import io.rapport.platform.replica.Replicas;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * KOLs, MSLs and codes as this service knows them: from the local replicas fed by kol-service's events, and,
 * when a replica misses one (its event is not consumed yet), from one call to kol-service. When that call
 * fails too the request gets a 503, never a guess.
 */
@ApplicationScoped
public class Directory {

    private final Replicas replicas;
    private final RemoteReplicas remote;
    private final InteractionConfig config;

    public Directory(Replicas replicas, RemoteReplicas remote, InteractionConfig config) {
        this.replicas = replicas;
        this.remote = remote;
        this.config = config;
    }

    /** The KOL, locked until the transaction ends, so decisions on its frequency cap are taken one at a time. */
    public Uni<Replicated.Kol> lockKol(UUID kolId) {
        String id = kolId.toString();
        return replicas.lock(Replicated.KOL, id, Replicated.Kol.class).chain(kol -> kol != null
                ? Uni.createFrom().item(kol)
                : fetch(Replicated.KOL, id, "/api/v1/kols/" + id + "/replica", "KOL " + id, "unknown-kol")
                        .chain(() -> replicas.lock(Replicated.KOL, id, Replicated.Kol.class)));
    }

    /** An MSL of the directory; 422 {@code unknown-msl} when kol-service does not know them either. */
    public Uni<Replicated.Msl> msl(String userId) {
        return replicas.get(Replicated.MSL, userId, Replicated.Msl.class).chain(msl -> msl != null
                ? Uni.createFrom().item(msl)
                : fetch(Replicated.MSL, userId, "/api/v1/msls/" + userId, "MSL " + userId, "unknown-msl")
                        .chain(() -> replicas.get(Replicated.MSL, userId, Replicated.Msl.class)));
    }

    /** The teams whose MSLs the given manager manages, per the directory. */
    public Uni<Set<String>> teamsManagedBy(String manager) {
        return replicas.valuesWhere(Replicated.MSL, "team", "manager", manager).map(HashSet::new);
    }

    /** 400 naming each therapeutic area or product code the reference data does not hold. */
    public Uni<Void> requireCodes(String therapeuticArea, List<String> products) {
        List<String> areas = therapeuticArea == null ? List.of() : List.of(therapeuticArea);
        return replicas.existing(Replicated.THERAPEUTIC_AREA, areas)
                .chain(knownAreas -> replicas.existing(Replicated.PRODUCT, products).map(knownProducts -> {
                    List<FieldError> errors = new ArrayList<>();
                    if (therapeuticArea != null && !knownAreas.contains(therapeuticArea)) {
                        errors.add(new FieldError("therapeuticArea", "unknown therapeutic area code '" + therapeuticArea + "'"));
                    }
                    for (int i = 0; i < products.size(); i++) {
                        if (!knownProducts.contains(products.get(i))) {
                            errors.add(new FieldError("products[" + i + "]", "unknown product code '" + products.get(i) + "'"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw ProblemException.invalid(errors);
                    }
                    return null;
                })).replaceWithVoid();
    }

    /** An approved resource, if insight-service published it. */
    public Uni<Replicated.Resource> resource(UUID resourceId) {
        return replicas.get(Replicated.RESOURCE, resourceId.toString(), Replicated.Resource.class);
    }

    private Uni<Void> fetch(String kind, String id, String path, String what, String unknown) {
        return remote.fetchOr503(config.kolServiceUrl() + path, what).chain(data -> {
            if (data == null) {
                throw ProblemException.rule(unknown, what + " does not exist");
            }
            return replicas.apply(kind, id, version(data), withoutNames(data)).replaceWithVoid();
        });
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
