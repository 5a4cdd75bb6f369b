package io.rapport.metrics.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The changes a transaction makes to the roll-ups and the contact table, summed per row. Written once at the
 * end of the transaction, in key order: every consumer locks rows in the same order, so concurrent instances
 * cannot deadlock, and each row is written once however many events touched it.
 */
public final class Delta {

    /** A roll-up row: its dimension key(s), day and counter. */
    public record Row(String key, String team, LocalDate day, String metric) {
    }

    /** A contact row: KOL, MSL, day. */
    public record ContactKey(UUID kol, String msl, LocalDate day) {
    }

    /** The change to a contact row, and the MSL's team to record with it. */
    public record ContactChange(String team, int met, int content) {
    }

    private static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::key)
            .thenComparing(Row::team, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Row::day).thenComparing(Row::metric);
    private static final Comparator<ContactKey> CONTACT_ORDER = Comparator.comparing(ContactKey::kol)
            .thenComparing(ContactKey::msl).thenComparing(ContactKey::day);

    private final Map<Row, Long> msl = new TreeMap<>(ROW_ORDER);
    private final Map<Row, Long> team = new TreeMap<>(ROW_ORDER);
    private final Map<Row, Long> kol = new TreeMap<>(ROW_ORDER);
    private final Map<Row, Long> area = new TreeMap<>(ROW_ORDER);
    private final Map<ContactKey, ContactChange> contacts = new TreeMap<>(CONTACT_ORDER);
    private final Changed changed = new Changed();

    /** Which keys changed, for the stream's subscribers and for the relationship health to refresh. */
    public static final class Changed {
        public final Set<String> msls = new TreeSet<>();
        public final Set<String> teams = new TreeSet<>();
        public final Set<UUID> kols = new TreeSet<>();
        public final Set<String> areas = new TreeSet<>();
        public boolean everything;

        public boolean isEmpty() {
            return !everything && msls.isEmpty() && teams.isEmpty() && kols.isEmpty() && areas.isEmpty();
        }
    }

    /** Replaces what an aggregate contributed: subtracts the old contribution, adds the new one. */
    public void replace(Contribution old, Contribution now) {
        old.cells().forEach(cell -> add(cell, -1));
        now.cells().forEach(cell -> add(cell, 1));
        old.contacts().forEach(contact -> add(contact, -1));
        now.contacts().forEach(contact -> add(contact, 1));
    }

    /** A KOL whose health must be recomputed (its profile changed). */
    public void touchKol(UUID kolId) {
        changed.kols.add(kolId);
    }

    public void touchEverything() {
        changed.everything = true;
    }

    private void add(Cell cell, int sign) {
        cell.counters().forEach((metric, value) -> {
            long signed = sign * value;
            merge(msl, new Row(cell.msl(), null, cell.day(), metric), signed);
            merge(team, new Row(cell.team(), null, cell.day(), metric), signed);
            if (cell.kol() != null) {
                merge(kol, new Row(cell.kol().toString(), null, cell.day(), metric), signed);
            }
            if (cell.area() != null) {
                merge(area, new Row(cell.area(), cell.team(), cell.day(), metric), signed);
            }
        });
        changed.msls.add(cell.msl());
        changed.teams.add(cell.team());
        if (cell.kol() != null) {
            changed.kols.add(cell.kol());
        }
        if (cell.area() != null) {
            changed.areas.add(cell.area());
        }
    }

    private void add(Contact contact, int sign) {
        contacts.merge(new ContactKey(contact.kol(), contact.msl(), contact.day()),
                new ContactChange(contact.team(), sign * contact.met(), sign * contact.content()),
                (a, b) -> new ContactChange(sign > 0 ? b.team() : a.team(), a.met() + b.met(), a.content() + b.content()));
        changed.kols.add(contact.kol());
    }

    private static void merge(Map<Row, Long> rows, Row row, long value) {
        rows.merge(row, value, Long::sum);
    }

    public Map<Row, Long> msl() {
        return nonZero(msl);
    }

    public Map<Row, Long> team() {
        return nonZero(team);
    }

    public Map<Row, Long> kol() {
        return nonZero(kol);
    }

    public Map<Row, Long> area() {
        return nonZero(area);
    }

    public Map<ContactKey, ContactChange> contacts() {
        Map<ContactKey, ContactChange> result = new TreeMap<>(CONTACT_ORDER);
        contacts.forEach((key, change) -> {
            if (change.met() != 0 || change.content() != 0) {
                result.put(key, change);
            }
        });
        return result;
    }

    public Changed changed() {
        return changed;
    }

    private static <K> Map<K, Long> nonZero(Map<K, Long> rows) {
        Map<K, Long> result = rows instanceof TreeMap<K, Long> tree ? new TreeMap<>(tree.comparator()) : new TreeMap<>();
        rows.forEach((key, value) -> {
            if (value != 0) {
                result.put(key, value);
            }
        });
        return result;
    }
}
