package io.rapport.platform.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the audit trail compares of one kind of aggregate: its fields in a stable order, each read from the
 * aggregate, and which of them are free text. An erasure scrubs the free text from the history, so a field is
 * declared free text where it is declared at all, and the list of erasable fields cannot fall behind the fields.
 *
 * @param <T> the aggregate
 */
public final class AuditShape<T> {

    private record Field<T>(String name, Function<T, Object> read) {
    }

    private final List<Field<T>> fields;
    private final Set<String> freeText;

    private AuditShape(List<Field<T>> fields, Set<String> freeText) {
        this.fields = List.copyOf(fields);
        this.freeText = Collections.unmodifiableSet(freeText);
    }

    public static <T> Builder<T> of(Class<T> aggregate) {
        return new Builder<>();
    }

    /** The aggregate's state as the trail stores it (before and after a change). */
    public Map<String, Object> snapshot(T aggregate) {
        Map<String, Object> state = new LinkedHashMap<>();
        fields.forEach(field -> state.put(field.name(), field.read().apply(aggregate)));
        return state;
    }

    /** The free-text fields: scrubbed from the history when the KOL is erased (unless under a legal hold). */
    public Set<String> freeText() {
        return freeText;
    }

    /** The free-text fields of several shapes (a service's erasure scrubs them all). */
    @SafeVarargs
    public static Set<String> freeTextOf(AuditShape<?>... shapes) {
        Set<String> all = new HashSet<>();
        for (AuditShape<?> shape : shapes) {
            all.addAll(shape.freeText);
        }
        return Set.copyOf(all);
    }

    public static final class Builder<T> {

        private final List<Field<T>> fields = new ArrayList<>();
        private final Set<String> freeText = new HashSet<>();

        private Builder() {
        }

        /** A field that holds codes, ids, dates, flags or counts: it stays after an erasure. */
        public Builder<T> field(String name, Function<T, Object> read) {
            fields.add(new Field<>(name, read));
            return this;
        }

        /** A field of free text (or one that may hold it): scrubbed from the history on erasure. */
        public Builder<T> text(String name, Function<T, Object> read) {
            freeText.add(name);
            return field(name, read);
        }

        public AuditShape<T> build() {
            return new AuditShape<>(fields, freeText);
        }
    }
}
