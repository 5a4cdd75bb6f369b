package io.rapport.interaction.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.platform.replica.Directory;
import io.rapport.platform.replica.Replicas;
import io.smallrye.mutiny.Uni;

/** The replicated data interaction rules read: the KOL (locked for cap decisions), codes, approved resources. */
@ApplicationScoped
public class Lookups {

    private final Directory directory;
    private final Replicas replicas;

    public Lookups(Directory directory, Replicas replicas) {
        this.directory = directory;
        this.replicas = replicas;
    }

    /** The KOL, locked until the transaction ends, so decisions on its frequency cap are taken one at a time. */
    public Uni<Replicated.Kol> lockKol(UUID kolId) {
        return directory.kol(kolId.toString(), Replicated.Kol.class, true);
    }

    /** The KOL as the replica holds it, or null (no call to kol-service: for checks on records already held). */
    public Uni<Replicated.Kol> kolIfKnown(UUID kolId) {
        return replicas.get(Replicated.KOL, kolId.toString(), Replicated.Kol.class);
    }

    /** 422 kol-erased when the KOL was erased: no new free text about them is written any more. */
    public Uni<Void> requireNotErased(UUID kolId) {
        return kolIfKnown(kolId).invoke(kol -> {
            if (kol != null && kol.erased()) {
                InteractionRules.requireContactable(kol, null);
            }
        }).replaceWithVoid();
    }

    /** 400 naming an unknown therapeutic area or product code. */
    public Uni<Void> requireCodes(String therapeuticArea, List<String> products) {
        return directory.requireCodes("therapeuticArea", therapeuticArea == null ? List.of() : List.of(therapeuticArea),
                "products", products);
    }

    /** A resource insight-service published, if any. */
    public Uni<Replicated.Resource> resource(UUID resourceId) {
        return replicas.get(Replicated.RESOURCE, resourceId.toString(), Replicated.Resource.class);
    }
}
