package io.rapport.metrics.domain;

import java.util.List;
import java.util.UUID;

/** What an aggregate's applied version adds to the roll-ups and the contact table. */
public record Contribution(List<Cell> cells, List<Contact> contacts) {

    public static final Contribution NONE = new Contribution(List.of(), List.of());

    public Contribution {
        cells = cells.stream().filter(cell -> !cell.isEmpty()).toList();
        contacts = List.copyOf(contacts);
    }

    public static Contribution of(List<Cell> cells) {
        return new Contribution(cells, List.of());
    }

    /** The KOL it is about, if any (erasure re-keys it). */
    public UUID kol() {
        return cells.stream().map(Cell::kol).filter(k -> k != null).findFirst()
                .orElse(contacts.stream().map(Contact::kol).findFirst().orElse(null));
    }
}
