package io.rapport.kol.domain;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.rapport.platform.persistence.JsonConverter;

/**
 * An entry of the MSL directory. The user id is the token subject; team and manager decide who sees whose
 * records in every service, and the time zone puts an MSL's work in local days.
 */
@Entity
@Table(name = "msl")
public class Msl {

    @Id
    @Column(name = "user_id")
    private String userId;
    @Column(name = "display_name")
    private String displayName;
    private String team;
    private String manager;
    @Column(name = "territory_countries")
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "territory_countries::text", write = "?::text::jsonb")
    private List<String> territoryCountries;
    @Column(name = "therapeutic_areas")
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "therapeutic_areas::text", write = "?::text::jsonb")
    private List<String> therapeuticAreas;
    @Column(name = "time_zone")
    private String timeZone;
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Msl() {
    }

    public Msl(String userId, MslEntry entry) {
        this.userId = userId;
        this.version = 0;
        apply(entry);
    }

    /** False when nothing changes. */
    public boolean change(MslEntry entry) {
        if (entry.equals(entry())) {
            return false;
        }
        apply(entry);
        return true;
    }

    private void apply(MslEntry entry) {
        displayName = entry.displayName();
        team = entry.team();
        manager = entry.manager();
        territoryCountries = List.copyOf(entry.territoryCountries());
        therapeuticAreas = List.copyOf(entry.therapeuticAreas());
        timeZone = entry.timeZone();
        version++;
        updatedAt = Instant.now();
    }

    public MslEntry entry() {
        return new MslEntry(displayName, team, manager, territoryCountries, therapeuticAreas, timeZone);
    }

    public String userId() {
        return userId;
    }

    public long version() {
        return version;
    }
}
