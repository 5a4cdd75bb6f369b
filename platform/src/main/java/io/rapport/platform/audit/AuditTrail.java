package io.rapport.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Writes audit entries in the current transaction (the caller's {@code @WithTransaction}), reads an
 * aggregate's history, and scrubs erased personal data out of it.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String ERASED = "[erased]";
    /** The name under which {@link #scrub} asks whether an entry's free-text reason is personal. */
    public static final String REASON = "reason";
    /** Stored changes are written and read by a plain mapper, independent of the strict HTTP settings. */
    private static final ObjectMapper STORAGE = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ObjectMapper json;
    private final Caller caller;

    public AuditTrail(ObjectMapper json, Caller caller) {
        this.json = json;
        this.caller = caller;
    }

    /** Records a change made by the calling user. */
    public Uni<Void> record(AuditRecord change) {
        return record(change, caller.subject());
    }

    /** Records a change made by {@code actor} (e.g. a consumer applying an event: the service itself). */
    public Uni<Void> record(AuditRecord change, String actor) {
        return Panache.getSession().chain(session -> session.persist(entry(change, actor)));
    }

    /** Many changes by the calling user at once (bulk imports); written in the session's batched flush. */
    public Uni<Void> recordAll(List<AuditRecord> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String actor = caller.subject();
        Object[] entries = changes.stream().map(change -> entry(change, actor)).toArray();
        return Panache.getSession().chain(session -> session.persistAll(entries));
    }

    private AuditEntry entry(AuditRecord change, String actor) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.aggregateType = change.aggregateType();
        entry.aggregateId = String.valueOf(change.aggregateId());
        entry.aggregateVersion = change.version();
        entry.action = change.action();
        entry.actor = actor;
        entry.onBehalfOf = change.onBehalfOf();
        entry.at = Instant.now();
        entry.changes = write(Changes.between(tree(change.before()), tree(change.after())));
        entry.reason = change.reason();
        return entry;
    }

    /** The history of one aggregate, oldest first. */
    public Uni<Page<AuditEntryView>> history(String aggregateType, Object aggregateId, PageRequest page) {
        String after = page.isFirst() ? "" : " and (e.at > :at or (e.at = :at and e.id > :id))";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery("from AuditEntry e where e.aggregateType = :type and "
                    + "e.aggregateId = :aggregate" + after + " order by e.at, e.id", AuditEntry.class)
                    .setParameter("type", aggregateType).setParameter("aggregate", String.valueOf(aggregateId))
                    .setMaxResults(page.fetchSize());
            if (!page.keyOf(2).isFirst()) {
                query.setParameter("at", page.afterInstant(0)).setParameter("id", page.afterUuid(1));
            }
            return query.getResultList();
        }).map(rows -> page.page(rows, e -> List.of(e.at.toString(), e.id.toString()))
                .map(e -> AuditEntryView.from(e, read(e.changes))));
    }

    /**
     * Erasure: replaces the old and new values of the personal fields in every entry of the aggregate with
     * {@value #ERASED}, in the current transaction, so the history keeps who changed what and when but no
     * erased value; the reasons too when {@code personalField} accepts {@value #REASON}.
     */
    public Uni<Void> scrub(String aggregateType, Object aggregateId, Predicate<String> personalField) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("from AuditEntry e where "
                + "e.aggregateType = :type and e.aggregateId = :aggregate", AuditEntry.class)
                .setParameter("type", aggregateType).setParameter("aggregate", String.valueOf(aggregateId))
                .getResultList()).invoke(entries -> entries.forEach(entry -> scrub(entry, personalField)))
                .replaceWithVoid();
    }

    /** The free-text reason counts as the field {@value #REASON}: a predicate that erases it erases every reason. */
    private void scrub(AuditEntry entry, Predicate<String> personalField) {
        entry.changes = write(read(entry.changes).stream().map(c -> personalField.test(c.field())
                ? new FieldChange(c.field(), erased(c.oldValue()), erased(c.newValue()))
                : c).toList());
        if (entry.reason != null && personalField.test(REASON)) {
            entry.reason = ERASED;
        }
    }

    private static JsonNode erased(JsonNode value) {
        return value == null ? null : TextNode.valueOf(ERASED);
    }

    private String write(List<FieldChange> changes) {
        try {
            return STORAGE.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write audit changes", e);
        }
    }

    private List<FieldChange> read(String changes) {
        try {
            return STORAGE.readValue(changes, new TypeReference<List<FieldChange>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit changes: " + e.getMessage(), e);
        }
    }

    private JsonNode tree(Object state) {
        return state == null ? null : json.valueToTree(state);
    }
}
