package io.rapport.minimal;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** One table, one entity: the smallest Quarkus REST + Hibernate Reactive application worth comparing with. */
@Entity
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;

    public String text;
}
