package io.rapport.kol.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A therapeutic area of the reference data (ONCOLOGY, CARDIOLOGY...): the code slices everything. */
@Entity
@Table(name = "therapeutic_area")
public class TherapeuticArea extends NamedCode {

    protected TherapeuticArea() {
    }

    public TherapeuticArea(String code, String name) {
        super(code, name);
    }
}
