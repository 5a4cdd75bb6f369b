package io.rapport.interaction.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rapport.interaction.persistence.FollowUpRepository;
import io.rapport.interaction.persistence.InteractionRepository;
import io.rapport.interaction.persistence.MedicalRequestRepository;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.replica.Replicas;
import io.smallrye.mutiny.Uni;

/**
 * GDPR Art. 15: everything this service holds about a KOL, whoever recorded it: the KOL's replica, every
 * interaction, follow-up and medical request with its full audit history, including records kept under a legal
 * obligation with the KOL's pseudonym. kol-service gathers the answers of all services into one.
 */
@ApplicationScoped
public class PersonalData {

    private final InteractionRepository interactions;
    private final FollowUpRepository followUps;
    private final MedicalRequestRepository requests;
    private final Replicas replicas;
    private final AuditTrail audit;
    private final KolErasure erasure;

    public PersonalData(InteractionRepository interactions, FollowUpRepository followUps,
            MedicalRequestRepository requests, Replicas replicas, AuditTrail audit, KolErasure erasure) {
        this.interactions = interactions;
        this.followUps = followUps;
        this.requests = requests;
        this.replicas = replicas;
        this.audit = audit;
        this.erasure = erasure;
    }

    /** A record with its history, oldest entry first. */
    public record Held<T>(T record, List<AuditEntryView> history) {
    }

    public record Holdings(UUID kolId, List<JsonNode> kol, List<Held<Interaction>> interactions,
            List<Held<FollowUp>> followUps, List<Held<MedicalRequest>> medicalRequests) {
    }

    @WithSession
    public Uni<Holdings> of(UUID kolId) {
        List<UUID> ids = erasure.idsOf(kolId);
        return replicas.get(Replicated.KOL, kolId.toString(), JsonNode.class)
                .chain(kol -> all(ids, interactions::ofKol).chain(list -> held(list, "interaction", Interaction::id))
                        .chain(is -> all(ids, followUps::ofKol).chain(list -> held(list, "follow-up", FollowUp::id))
                                .chain(fs -> all(ids, requests::ofKol)
                                        .chain(list -> held(list, "medical-request", MedicalRequest::id))
                                        .map(rs -> new Holdings(kolId, kol == null ? List.of() : List.of(kol), is, fs,
                                                rs)))));
    }

    private static <T> Uni<List<T>> all(List<UUID> ids, Function<UUID, Uni<List<T>>> query) {
        Uni<List<T>> chain = Uni.createFrom().item(List.of());
        for (UUID id : ids) {
            chain = chain.chain(found -> query.apply(id).map(more -> {
                List<T> joined = new ArrayList<>(found);
                joined.addAll(more);
                return joined;
            }));
        }
        return chain;
    }

    private <T> Uni<List<Held<T>>> held(List<T> records, String type, Function<T, UUID> id) {
        Uni<List<Held<T>>> chain = Uni.createFrom().item(List.of());
        for (T record : records) {
            chain = chain.chain(found -> history(type, id.apply(record), PageRequest.first(PageRequest.MAX_LIMIT),
                    new ArrayList<>()).map(history -> {
                        List<Held<T>> joined = new ArrayList<>(found);
                        joined.add(new Held<>(record, history));
                        return joined;
                    }));
        }
        return chain;
    }

    private Uni<List<AuditEntryView>> history(String type, UUID id, PageRequest page, List<AuditEntryView> so) {
        return audit.history(type, id, page).chain(found -> {
            so.addAll(found.items());
            return found.nextCursor() == null ? Uni.createFrom().item(so)
                    : history(type, id, PageRequest.of(PageRequest.MAX_LIMIT, found.nextCursor()), so);
        });
    }
}
