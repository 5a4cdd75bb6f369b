package io.rapport.kol.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A therapeutic area of the reference data (ONCOLOGY, CARDIOLOGY...): the code slices everything. */
@Entity
@Table(name = "therapeutic_area")
public class TherapeuticArea {

    @Id
    private String code;
    private String name;
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected TherapeuticArea() {
    }

    public TherapeuticArea(String code, String name) {
        this.code = code;
        this.name = name;
        this.version = 1;
        this.updatedAt = Instant.now();
    }

    /** False when nothing changes. */
    public boolean rename(String newName) {
        if (newName.equals(name)) {
            return false;
        }
        name = newName;
        version++;
        updatedAt = Instant.now();
        return true;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public long version() {
        return version;
    }
}
