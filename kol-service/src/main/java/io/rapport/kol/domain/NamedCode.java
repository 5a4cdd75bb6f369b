package io.rapport.kol.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A code of the reference data with a display name (a therapeutic area, a research topic): created once, renamed
 * with a new version, never deleted because records keep naming it.
 */
@MappedSuperclass
public abstract class NamedCode {

    @Id
    private String code;
    private String name;
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected NamedCode() {
    }

    protected NamedCode(String code, String name) {
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
