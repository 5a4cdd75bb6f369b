package io.rapport.platform.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.persistence.SqlArrays;
import io.smallrye.mutiny.Uni;

/**
 * The steps every service takes on {@code kol.erased} besides scrubbing its own records (GDPR Art. 17): count
 * what it erased and held, forget the stored Idempotency-Key replies naming the KOL or those records (a replay
 * would hand back what was just scrubbed), and confirm, in the same transaction, with
 * {@code rapport.erasure.confirmed.v1} on the service's own topic so kol-service can show who confirmed and when.
 */
@ApplicationScoped
public class ErasureSteps {

    private final Outbox outbox;

    public ErasureSteps(Outbox outbox) {
        this.outbox = outbox;
    }

    /** What one erasure did: the ids it named (the KOL first) and how many records it erased and held. */
    public static final class Tally {

        private final UUID kolId;
        private final List<Object> named = new ArrayList<>();
        private int erased;
        private int held;

        private Tally(UUID kolId) {
            this.kolId = kolId;
            named.add(kolId);
        }

        /** One record of the KOL erased, or (under a legal hold) kept with the KOL pseudonymised. */
        public Tally record(Object id, boolean legalHold) {
            named.add(id);
            erased++;
            if (legalHold) {
                held++;
            }
            return this;
        }

        /**
         * Records kept under the KOL's own id (a profile, a health row), erased: counted, and named already, by the
         * KOL's id.
         */
        public Tally kolRecords(int count) {
            erased += count;
            return this;
        }

        /** Records whose ids a stored reply may name, counted as erased (e.g. a projection's counted records). */
        public Tally records(Collection<?> ids) {
            ids.forEach(id -> record(id, false));
            return this;
        }

        public List<Object> named() {
            return List.copyOf(named);
        }

        public int erased() {
            return erased;
        }

        public int held() {
            return held;
        }
    }

    public Tally start(UUID kolId) {
        return new Tally(kolId);
    }

    /**
     * Forgets the replies naming what the tally names and confirms the erasure on {@code topic}. Runs in the
     * transaction that erased; the scrubbed rows are flushed first so the replies are matched against them.
     */
    public Uni<Void> confirm(Tally tally, String service, String topic) {
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> forgetRepliesNaming(tally.named()))
                .chain(() -> outbox.append(ErasureConfirmation.of(tally.kolId, service, tally.erased, tally.held)
                        .event(topic)));
    }

    /**
     * Forgets every stored Idempotency-Key reply that names one of {@code ids}, so a replay cannot hand back
     * personal data that was scrubbed everywhere else. Runs in the current transaction; a later retry with a
     * forgotten key is treated as a new request.
     *
     * @return how many stored replies were forgotten
     */
    public Uni<Integer> forgetRepliesNaming(Collection<?> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // One fixed statement text whatever the number of ids; LIKE patterns cannot contain '%' or '_' from a UUID.
        return Panache.getSession().chain(session -> session.createNativeQuery("DELETE FROM idempotency_key "
                + "WHERE body LIKE ANY (SELECT '%' || id || '%' FROM unnest("
                + SqlArrays.textArray("ids") + ") AS id)")
                .setParameter("ids", SqlArrays.joined(ids))
                .executeUpdate());
    }
}
