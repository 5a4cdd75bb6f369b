package io.rapport.kol.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rapport.kol.domain.ErasureProof;
import io.rapport.platform.persistence.SqlArrays;
import io.smallrye.mutiny.Uni;

/** Erasures and the other services' confirmations of them (tables kol_erasure, kol_erasure_confirmation). */
@ApplicationScoped
public class ErasureRepository {

    public Uni<Void> requested(UUID kolId, String by, String reason) {
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO kol_erasure (kol_id, "
                + "requested_at, requested_by, reason, times_sent, last_sent_at) VALUES (:id, now(), :by, "
                + ":reason, 1, now()) ON CONFLICT (kol_id) DO NOTHING")
                .setParameter("id", kolId).setParameter("by", by).setParameter("reason", reason)
                .executeUpdate()).replaceWithVoid();
    }

    /** The erasure's event went out again; an erasure from before this table existed is recorded now. */
    public Uni<Void> sentAgain(UUID kolId, Instant erasedAt, String erasedBy) {
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO kol_erasure (kol_id, "
                + "requested_at, requested_by, reason, times_sent, last_sent_at) VALUES (:id, :at, :by, NULL, 2, "
                + "now()) ON CONFLICT (kol_id) DO UPDATE SET times_sent = kol_erasure.times_sent + 1, "
                + "last_sent_at = now()")
                .setParameter("id", kolId).setParameter("at", erasedAt.atOffset(ZoneOffset.UTC))
                .setParameter("by", erasedBy).executeUpdate()).replaceWithVoid();
    }

    public Uni<ErasureProof.Request> find(UUID kolId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT kol_id, requested_at, "
                + "requested_by, reason, times_sent, last_sent_at FROM kol_erasure WHERE kol_id = :id",
                Object[].class)
                .setParameter("id", kolId).getResultList())
                .map(rows -> rows.isEmpty() ? null : request(rows.get(0)));
    }

    public Uni<List<ErasureProof.Confirmation>> confirmations(UUID kolId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT service, confirmed_at, "
                + "records_erased, records_held, confirmations, last_confirmed_at FROM kol_erasure_confirmation "
                + "WHERE kol_id = :id ORDER BY service", Object[].class)
                .setParameter("id", kolId).getResultList())
                .map(rows -> rows.stream().map(r -> new ErasureProof.Confirmation((String) r[0], instant(r[1]),
                        number(r[2]), number(r[3]), number(r[4]), instant(r[5]))).toList());
    }

    /** Records a service's confirmation: the first keeps its time and counts, later ones are counted. */
    public Uni<Void> confirmed(UUID kolId, String service, Instant at, int erased, int held) {
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO kol_erasure_confirmation "
                + "(kol_id, service, confirmed_at, records_erased, records_held, confirmations, last_confirmed_at) "
                + "VALUES (:id, :service, :at, :erased, :held, 1, :at) ON CONFLICT (kol_id, service) DO UPDATE "
                + "SET confirmations = kol_erasure_confirmation.confirmations + 1, last_confirmed_at = "
                + "greatest(kol_erasure_confirmation.last_confirmed_at, excluded.last_confirmed_at)")
                .setParameter("id", kolId).setParameter("service", service)
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).setParameter("erased", erased)
                .setParameter("held", held).executeUpdate()).replaceWithVoid();
    }

    /**
     * Erasures last sent before {@code cutoff} that one of the {@code expected} services has not confirmed, locked
     * (skipping those another instance is sending right now).
     */
    public Uni<List<UUID>> unconfirmedSentBefore(Instant cutoff, Collection<String> expected, int limit) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT CAST(e.kol_id AS text) FROM kol_erasure e "
                        + "WHERE e.last_sent_at < :cutoff AND EXISTS (SELECT 1 FROM unnest(" + SqlArrays.textArray("expected")
                        + ") AS s(service) WHERE NOT EXISTS (SELECT 1 FROM kol_erasure_confirmation c WHERE c.kol_id = "
                        + "e.kol_id AND c.service = s.service)) ORDER BY e.last_sent_at LIMIT :limit "
                        + "FOR UPDATE OF e SKIP LOCKED", String.class)
                        .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                        .setParameter("expected", SqlArrays.joined(expected)).setParameter("limit", limit)
                        .getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }

    /**
     * Forgets the KOL's earlier events still in the outbox, published or not, except its erasure: the
     * published ones are only kept for diagnosis, and an unpublished created or updated state is superseded by
     * the erasure that follows it (consumers replicate by version and erase on it).
     */
    public Uni<Integer> forgetEarlierEvents(UUID kolId, String erasedType) {
        return Panache.getSession().chain(session -> session.createNativeQuery("DELETE FROM outbox WHERE aggregate_id "
                + "= :id AND type <> :erased")
                .setParameter("id", kolId.toString()).setParameter("erased", erasedType).executeUpdate());
    }

    /**
     * The history's "on whose behalf" of the KOL's entries becomes {@code [erased]}: for a rights request it is
     * free text about who asked ("the KOL by e-mail"), which may name the person. Who did it (the actor) stays.
     */
    public Uni<Integer> forgetOnBehalfOf(UUID kolId, String erased) {
        // the scrubbed entries are flushed first, so their later flush cannot write the old value back
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(
                "UPDATE audit_entry SET on_behalf_of = :erased WHERE aggregate_type = 'kol' AND aggregate_id = :id "
                        + "AND on_behalf_of IS NOT NULL")
                .setParameter("erased", erased).setParameter("id", kolId.toString()).executeUpdate()));
    }

    private static ErasureProof.Request request(Object[] r) {
        return new ErasureProof.Request(UUID.fromString(String.valueOf(r[0])), instant(r[1]), (String) r[2],
                (String) r[3], number(r[4]), instant(r[5]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        if (value instanceof java.time.LocalDateTime time) {
            return time.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }
}
