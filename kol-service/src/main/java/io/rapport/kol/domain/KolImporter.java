package io.rapport.kol.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.kol.persistence.ImportLookups;
import io.rapport.kol.persistence.KolRepository;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.FieldError;
import io.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Bulk import, a batch of rows per transaction: each row is an upsert matched by external id, else NPI,
 * else ORCID. Valid rows go in even when others of the batch are rejected. A batch costs a handful of
 * statements (identifier lookup, erased check, locking the matched KOLs, batched inserts and updates, one
 * multi-row insert each for identifiers and the outbox), which is what makes thousands of rows a second.
 */
@ApplicationScoped
public class KolImporter {

    private final ImportLookups lookups;
    private final KolRepository kols;
    private final ErasureHash erasureHash;
    private final ReferenceData reference;
    private final KolEvents events;
    private final AuditTrail audit;
    private final Caller caller;

    public KolImporter(ImportLookups lookups, KolRepository kols, ErasureHash erasureHash, ReferenceData reference,
            KolEvents events, AuditTrail audit, Caller caller) {
        this.lookups = lookups;
        this.kols = kols;
        this.erasureHash = erasureHash;
        this.reference = reference;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
    }

    /** A concurrent writer took an identifier while the batch ran: retry its rows one by one. */
    public static class ConcurrentClaim extends RuntimeException {
        ConcurrentClaim() {
            super("an identifier was claimed by another writer during the batch", null, false, false);
        }
    }

    @WithTransaction
    public Uni<List<ImportResult>> importBatch(List<ImportRow> rows) {
        Batch batch = new Batch();
        return reference.therapeuticAreaCodes()
                .chain(areas -> reference.researchTopicCodes()
                        .invoke(topics -> rows.forEach(row -> batch.read(row, areas, topics))))
                .chain(() -> lookups.holders(batch.allClaims()))
                .invoke(batch::match)
                .chain(() -> lookups.erased(batch.digests.keySet()))
                .invoke(batch::refuseErased)
                .chain(() -> lookups.lock(batch.targets()))
                .chain(existing -> write(batch, existing))
                .map(ignored -> batch.results());
    }

    private Uni<Void> write(Batch batch, List<Kol> existing) {
        Map<UUID, Kol> byId = new HashMap<>();
        existing.forEach(k -> byId.put(k.id(), k));
        List<Kol> created = new ArrayList<>();
        List<Kol> updated = new ArrayList<>();
        List<AuditRecord> records = new ArrayList<>();
        for (Entry entry : batch.entries()) {
            Kol kol = entry.target == null ? null : byId.get(entry.target);
            if (kol != null && kol.isErased()) {
                batch.reject(entry.row, "identifiers", "belongs to an erased KOL");
            } else if (kol == null) {
                Kol fresh = Kol.create(UUID.randomUUID(), entry.profile, caller.subject(), List.of());
                created.add(fresh);
                records.add(AuditRecord.of("kol", fresh.id(), fresh.version(), "imported", null, Snapshot.of(fresh)));
                batch.done(entry.row, ImportResult.Outcome.CREATED, fresh.id());
            } else {
                Snapshot before = Snapshot.of(kol);
                KolProfile merged = entry.profile
                        .withIdentifiers(entry.profile.identifiers().over(kol.profile().identifiers()));
                boolean changed = kol.update(merged, caller.subject());
                if (changed) {
                    updated.add(kol);
                    records.add(AuditRecord.of("kol", kol.id(), kol.version(), "imported", before, Snapshot.of(kol)));
                }
                batch.done(entry.row, changed ? ImportResult.Outcome.UPDATED : ImportResult.Outcome.UNCHANGED, kol.id());
            }
        }
        List<Kol> written = new ArrayList<>(created);
        written.addAll(updated);
        List<String[]> claims = new ArrayList<>();
        written.forEach(k -> claims.addAll(ImportLookups.withKol(k.identifierClaims(), k.id())));
        Uni<Void> inserted = created.isEmpty() ? Uni.createFrom().voidItem() : kols.persist(created);
        return inserted.chain(() -> kols.flush())
                .chain(() -> lookups.claim(updated.stream().map(Kol::id).toList(), claims))
                .invoke(claimed -> {
                    if (!claimed) {
                        throw new ConcurrentClaim();
                    }
                })
                .chain(() -> audit.recordAll(records))
                .chain(() -> events.imported(created, updated));
    }

    /** One valid row on its way in. */
    private static final class Entry {
        final long row;
        final KolProfile profile;
        final List<String[]> claims;
        UUID target;

        Entry(long row, KolProfile profile) {
            this.row = row;
            this.profile = profile;
            this.claims = Kol.claimsOf(profile);
        }
    }

    /** The state of one batch: valid entries, per-row results, claims and digests. */
    private final class Batch {
        private final Map<Long, Entry> entries = new HashMap<>();
        private final Map<Long, ImportResult> results = new HashMap<>();
        private final Map<String, Long> claimedBy = new HashMap<>();
        private final Map<String, Long> digests = new HashMap<>();

        /**
         * Takes a row in, unless the edge rejected it already or a rule the profile's type cannot express refuses
         * it: an ERASED status, unknown codes, an identifier that an earlier row of the batch claims.
         */
        void read(ImportRow row, Set<String> areaCodes, Set<String> topicCodes) {
            if (row.isRejected()) {
                results.put(row.number(), ImportResult.rejected(row.number(), row.errors()));
                return;
            }
            KolProfile profile = row.profile();
            List<FieldError> errors = new ArrayList<>();
            if (profile.status() == KolStatus.ERASED) {
                errors.add(new FieldError("status", "ERASED is set only by an erasure"));
            }
            errors.addAll(ReferenceData.unknownCodes("therapeuticAreas", profile.therapeuticAreas(), areaCodes,
                    "therapeutic area"));
            errors.addAll(ReferenceData.unknownCodes("researchTopics", profile.researchTopics(), topicCodes,
                    "research topic"));
            if (!errors.isEmpty()) {
                results.put(row.number(), ImportResult.rejected(row.number(), errors));
                return;
            }
            Entry entry = new Entry(row.number(), profile);
            for (String[] claim : entry.claims) {
                Long earlier = claimedBy.putIfAbsent(ImportLookups.key(claim[0], claim[1]), row.number());
                if (earlier != null) {
                    reject(row.number(), "identifiers", claim[0] + " " + claim[1] + " is also in row " + earlier);
                    return;
                }
            }
            entries.put(row.number(), entry);
        }

        List<String[]> allClaims() {
            List<String[]> all = new ArrayList<>();
            entries.values().forEach(e -> all.addAll(e.claims));
            return all;
        }

        /** Finds the KOL each row updates: the holder of its first identifier (external ids first). */
        void match(Map<String, UUID> holders) {
            Map<UUID, Long> targetedBy = new HashMap<>();
            for (Entry entry : List.copyOf(entries.values())) {
                Set<UUID> found = new LinkedHashSet<>();
                entry.claims.forEach(c -> {
                    UUID holder = holders.get(ImportLookups.key(c[0], c[1]));
                    if (holder != null) {
                        found.add(holder);
                    }
                });
                if (found.size() > 1) {
                    reject(entry.row, "identifiers", "the identifiers belong to different KOLs: " + found);
                    continue;
                }
                entry.target = found.isEmpty() ? null : found.iterator().next();
                Long other = entry.target == null ? null : targetedBy.putIfAbsent(entry.target, entry.row);
                if (other != null) {
                    reject(entry.row, "identifiers", "updates the same KOL as row " + other);
                    continue;
                }
                erasureHash.of(entry.claims).forEach(d -> digests.put(d, entry.row));
            }
        }

        void refuseErased(Set<String> erased) {
            erased.forEach(digest -> {
                Long row = digests.get(digest);
                if (row != null && entries.containsKey(row)) {
                    reject(row, "identifiers", "an identifier belonged to a KOL who was erased (GDPR Art. 17)");
                }
            });
        }

        Set<UUID> targets() {
            Set<UUID> ids = new LinkedHashSet<>();
            entries.values().stream().filter(e -> e.target != null).forEach(e -> ids.add(e.target));
            return ids;
        }

        List<Entry> entries() {
            return entries.values().stream().sorted(Comparator.comparingLong(e -> e.row)).toList();
        }

        void reject(long row, String field, String message) {
            entries.remove(row);
            results.put(row, ImportResult.rejected(row, field, message));
        }

        void done(long row, ImportResult.Outcome outcome, UUID kol) {
            results.put(row, new ImportResult(row, outcome, kol, List.of()));
        }

        List<ImportResult> results() {
            return results.values().stream().sorted(Comparator.comparingLong(ImportResult::row)).toList();
        }
    }
}
