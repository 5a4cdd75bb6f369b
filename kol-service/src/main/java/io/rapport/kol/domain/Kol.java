package io.rapport.kol.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.rapport.platform.persistence.JsonConverter;

/**
 * A key opinion leader. The aggregate's state changes only through its methods, each bumping the version
 * that is the HTTP ETag and the events' {@code aggregateVersion}.
 */
@Entity
@Table(name = "kol")
public class Kol {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private KolStatus status;
    private long version;
    private Integer tier;
    private String country;
    @Convert(converter = ProfileConverter.class)
    @ColumnTransformer(read = "profile::text", write = "?::text::jsonb")
    private KolProfile profile;
    /** Apart from the profile so that no profile write can reach it: see {@link KolRights}. */
    @Convert(converter = RightsConverter.class)
    @ColumnTransformer(read = "rights::text", write = "?::text::jsonb")
    private KolRights rights;
    @Column(name = "assigned_msls")
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "assigned_msls::text", write = "?::text::jsonb")
    private List<String> assignedMsls;
    @Column(name = "search_names")
    private String searchNames;
    @Column(name = "search_terms")
    private String searchTerms;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;

    protected Kol() {
    }

    /** A new KOL with the default rights ({@link KolRights#defaults()}); an MSL who creates one is assigned to it. */
    public static Kol create(UUID id, KolProfile profile, String user, List<String> assignedMsls) {
        Kol kol = new Kol();
        kol.id = id;
        kol.rights = KolRights.defaults();
        kol.assignedMsls = List.copyOf(new java.util.TreeSet<>(assignedMsls));
        kol.createdAt = Instant.now();
        kol.createdBy = user;
        kol.apply(profile, user);
        return kol;
    }

    /** Replaces the profile, never the rights; false (and nothing changes) when it is the same profile. */
    public boolean update(KolProfile changed, String user) {
        if (changed.equals(profile)) {
            return false;
        }
        apply(changed, user);
        return true;
    }

    public void assign(List<String> msls, String user) {
        assignedMsls = List.copyOf(new java.util.TreeSet<>(msls));
        touch(user);
    }

    /**
     * A rights request (objection, consent, do-not-contact, lawful basis, privacy notice): the only way the rights
     * change. False (and nothing changes, no new version) when they are already so.
     */
    public boolean changeRights(KolRights changed, String user) {
        if (changed.equals(rights)) {
            return false;
        }
        rights = changed;
        touch(user);
        return true;
    }

    /** GDPR Art. 17: personal data goes, the id, the non-personal aggregates and the uncontactable states stay. */
    public void erase(String user) {
        rights = rights.erased();
        apply(profile.erased(), user);
        assignedMsls = List.of();
        searchNames = null;
        searchTerms = null;
    }

    private void apply(KolProfile changed, String user) {
        profile = changed;
        status = changed.status();
        tier = changed.tier();
        country = changed.country();
        searchNames = changed.searchNames();
        searchTerms = changed.searchTerms();
        touch(user);
    }

    private void touch(String user) {
        version++;
        updatedAt = Instant.now();
        updatedBy = user;
    }

    public Contactability contactability() {
        return Contactability.of(status, rights);
    }

    public boolean isAssigned(String msl) {
        return assignedMsls.contains(msl);
    }

    public boolean isErased() {
        return status == KolStatus.ERASED;
    }

    /** The identifiers that must be unique, as (kind, value) pairs. */
    public List<String[]> identifierClaims() {
        return claimsOf(profile);
    }

    /** The (kind, value) pairs of a profile's identifiers: external ids first, then NPI, then ORCID. */
    public static List<String[]> claimsOf(KolProfile profile) {
        List<String[]> claims = new ArrayList<>();
        KolIdentifiers ids = profile.identifiers();
        ids.external().forEach(e -> claims.add(new String[] { "EXTERNAL:" + e.system(), e.id() }));
        if (ids.npi() != null) {
            claims.add(new String[] { "NPI", ids.npi() });
        }
        if (ids.orcid() != null) {
            claims.add(new String[] { "ORCID", ids.orcid() });
        }
        return claims;
    }

    public UUID id() {
        return id;
    }

    public KolStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public KolProfile profile() {
        return profile;
    }

    public KolRights rights() {
        return rights;
    }

    public List<String> assignedMsls() {
        return assignedMsls;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
