package io.rapport.kol.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.rapport.kol.persistence.ReferenceRepositories;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.FieldError;
import io.smallrye.mutiny.Uni;

/**
 * Therapeutic areas, products, research topics and the MSL directory: upserts by code (by user id for MSLs), each change
 * audited and published on rapport.reference.v1; an unchanged upsert changes nothing.
 */
@ApplicationScoped
public class ReferenceData {

    private final ReferenceRepositories.TherapeuticAreas areas;
    private final ReferenceRepositories.Products products;
    private final ReferenceRepositories.ResearchTopics topics;
    private final ReferenceRepositories.Msls msls;
    private final KolEvents events;
    private final AuditTrail audit;

    public ReferenceData(ReferenceRepositories.TherapeuticAreas areas, ReferenceRepositories.Products products,
            ReferenceRepositories.ResearchTopics topics, ReferenceRepositories.Msls msls, KolEvents events,
            AuditTrail audit) {
        this.areas = areas;
        this.products = products;
        this.topics = topics;
        this.msls = msls;
        this.events = events;
        this.audit = audit;
    }

    /** Whether an upsert created, changed or left the record as it was. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Upserted<T>(T value, Outcome outcome) {
    }

    @WithTransaction
    public Uni<Upserted<TherapeuticArea>> upsertTherapeuticArea(String code, String name) {
        return areas.findById(code).chain(existing -> {
            if (existing == null) {
                TherapeuticArea area = new TherapeuticArea(code, name);
                return areas.persist(area)
                        .chain(() -> changed("therapeutic-area", code, 1, null, java.util.Map.of("name", name)))
                        .chain(() -> events.therapeuticAreaChanged(area)).replaceWith(new Upserted<>(area, Outcome.CREATED));
            }
            String before = existing.name();
            if (!existing.rename(name)) {
                return Uni.createFrom().item(new Upserted<>(existing, Outcome.UNCHANGED));
            }
            return changed("therapeutic-area", code, existing.version(), java.util.Map.of("name", before),
                    java.util.Map.of("name", name))
                    .chain(() -> events.therapeuticAreaChanged(existing))
                    .replaceWith(new Upserted<>(existing, Outcome.UPDATED));
        });
    }

    @WithTransaction
    public Uni<Upserted<Product>> upsertProduct(String code, String name, String therapeuticArea, List<String> markets) {
        return requireKnown("therapeuticArea", List.of(therapeuticArea))
                .chain(() -> products.findById(code)).chain(existing -> {
                    if (existing == null) {
                        Product product = new Product(code, name, therapeuticArea, markets);
                        return products.persist(product).chain(() -> changed("product", code, 1, null, view(product)))
                                .chain(() -> events.productChanged(product))
                                .replaceWith(new Upserted<>(product, Outcome.CREATED));
                    }
                    Object before = view(existing);
                    if (!existing.change(name, therapeuticArea, markets)) {
                        return Uni.createFrom().item(new Upserted<>(existing, Outcome.UNCHANGED));
                    }
                    return changed("product", code, existing.version(), before, view(existing))
                            .chain(() -> events.productChanged(existing))
                            .replaceWith(new Upserted<>(existing, Outcome.UPDATED));
                });
    }

    @WithTransaction
    public Uni<Upserted<ResearchTopic>> upsertResearchTopic(String code, String name) {
        return topics.findById(code).chain(existing -> {
            if (existing == null) {
                ResearchTopic topic = new ResearchTopic(code, name);
                return topics.persist(topic)
                        .chain(() -> changed("research-topic", code, 1, null, java.util.Map.of("name", name)))
                        .chain(() -> events.researchTopicChanged(topic)).replaceWith(new Upserted<>(topic, Outcome.CREATED));
            }
            String before = existing.name();
            if (!existing.rename(name)) {
                return Uni.createFrom().item(new Upserted<>(existing, Outcome.UNCHANGED));
            }
            return changed("research-topic", code, existing.version(), java.util.Map.of("name", before),
                    java.util.Map.of("name", name))
                    .chain(() -> events.researchTopicChanged(existing)).replaceWith(new Upserted<>(existing, Outcome.UPDATED));
        });
    }

    @WithTransaction
    public Uni<Upserted<Msl>> upsertMsl(String userId, MslEntry entry) {
        return requireKnown("therapeuticAreas", entry.therapeuticAreas())
                .chain(() -> msls.findById(userId)).chain(existing -> {
                    if (existing == null) {
                        Msl msl = new Msl(userId, entry);
                        return msls.persist(msl).chain(() -> changed("msl", userId, 1, null, entry))
                                .chain(() -> events.mslChanged(msl)).replaceWith(new Upserted<>(msl, Outcome.CREATED));
                    }
                    MslEntry before = existing.entry();
                    if (!existing.change(entry)) {
                        return Uni.createFrom().item(new Upserted<>(existing, Outcome.UNCHANGED));
                    }
                    return changed("msl", userId, existing.version(), before, entry)
                            .chain(() -> events.mslChanged(existing)).replaceWith(new Upserted<>(existing, Outcome.UPDATED));
                });
    }

    /** 400 naming each unknown therapeutic area code, as {@code field[i]}. */
    public Uni<Void> requireKnown(String field, List<String> codes) {
        return codes.isEmpty() ? Uni.createFrom().voidItem()
                : areas.list("code in ?1", new HashSet<>(codes))
                        .invoke(found -> unknown(field, codes, codes(found, TherapeuticArea::code), "therapeutic area"))
                        .replaceWithVoid();
    }

    /**
     * 400 naming each unknown code of a profile, as {@code therapeuticAreas[i]} and {@code researchTopics[i]}: one
     * answer lists both kinds, so a client fixes its document in one go.
     */
    public Uni<Void> requireKnown(List<String> therapeuticAreas, List<String> researchTopics) {
        Uni<Set<String>> knownAreas = therapeuticAreas.isEmpty() ? Uni.createFrom().item(Set.of())
                : areas.list("code in ?1", new HashSet<>(therapeuticAreas)).map(found -> codes(found, TherapeuticArea::code));
        return knownAreas.chain(areaCodes -> {
            Uni<Set<String>> knownTopics = researchTopics.isEmpty() ? Uni.createFrom().item(Set.of())
                    : topics.list("code in ?1", new HashSet<>(researchTopics)).map(found -> codes(found, ResearchTopic::code));
            return knownTopics.invoke(topicCodes -> {
                List<FieldError> errors = new ArrayList<>(
                        unknownCodes("therapeuticAreas", therapeuticAreas, areaCodes, "therapeutic area"));
                errors.addAll(unknownCodes("researchTopics", researchTopics, topicCodes, "research topic"));
                if (!errors.isEmpty()) {
                    throw DomainException.invalid(errors);
                }
            });
        }).replaceWithVoid();
    }

    /**
     * The errors naming each code that is not known, as {@code field[i]} (as {@code field} for a single-valued
     * field); empty when all are known. Shared by the API checks and the import, so both say the same.
     */
    public static List<FieldError> unknownCodes(String field, List<String> codes, Set<String> known, String kind) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!known.contains(codes.get(i))) {
                String name = codes.size() == 1 && !field.endsWith("s") ? field : field + "[" + i + "]";
                errors.add(new FieldError(name, "unknown " + kind + " code '" + codes.get(i) + "'"));
            }
        }
        return errors;
    }

    private static void unknown(String field, List<String> codes, Set<String> known, String kind) {
        List<FieldError> errors = unknownCodes(field, codes, known, kind);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private static <T> Set<String> codes(List<T> found, java.util.function.Function<T, String> code) {
        Set<String> known = new HashSet<>();
        found.forEach(t -> known.add(code.apply(t)));
        return known;
    }

    @WithSession
    public Uni<List<TherapeuticArea>> therapeuticAreas() {
        return areas.listAll(Sort.by("code"));
    }

    @WithSession
    public Uni<List<Product>> products() {
        return products.listAll(Sort.by("code"));
    }

    @WithSession
    public Uni<List<ResearchTopic>> researchTopics() {
        return topics.listAll(Sort.by("code"));
    }

    @WithSession
    public Uni<List<Msl>> directory() {
        return msls.listAll(Sort.by("userId"));
    }

    @WithSession
    public Uni<Msl> msl(String userId) {
        return msls.findById(userId).onItem().ifNull().failWith(() -> DomainException.notFound("MSL", userId));
    }

    /** Every therapeutic area code, for checking many profiles at once. */
    public Uni<Set<String>> therapeuticAreaCodes() {
        return areas.listAll().map(list -> codes(list, TherapeuticArea::code));
    }

    /** Every research topic code, for checking many profiles at once. */
    public Uni<Set<String>> researchTopicCodes() {
        return topics.listAll().map(list -> codes(list, ResearchTopic::code));
    }

    /** Users known to the directory, among those given. */
    public Uni<List<Msl>> msls(List<String> userIds) {
        return userIds.isEmpty() ? Uni.createFrom().item(List.of()) : msls.list("userId in ?1", userIds);
    }

    private Uni<Void> changed(String type, String id, long version, Object before, Object after) {
        return audit.record(AuditRecord.of(type, id, version, before == null ? "created" : "updated", before, after));
    }

    private static Object view(Product product) {
        return java.util.Map.of("name", product.name(), "therapeuticArea", product.therapeuticArea(),
                "markets", product.markets());
    }
}
