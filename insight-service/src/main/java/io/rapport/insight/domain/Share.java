package io.rapport.insight.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An approved resource shared with a KOL, by an MSL, on a channel (possibly in an interaction or an answer). */
@Entity
@Table(name = "share")
public class Share {

    public enum Channel {
        IN_PERSON,
        VIDEO,
        PHONE,
        EMAIL,
        CONGRESS
    }

    @Id
    private UUID id;
    @Column(name = "resource_id")
    private UUID resourceId;
    @Column(name = "kol_id")
    private UUID kolId;
    @Column(name = "msl_id")
    private String mslId;
    private String team;
    @Column(name = "interaction_id")
    private UUID interactionId;
    @Column(name = "medical_request_id")
    private UUID medicalRequestId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "time_zone")
    private String timeZone;
    @Column(name = "shared_at")
    private Instant sharedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis")
    private LegalBasis legalBasis;

    protected Share() {
    }

    public Share(UUID resourceId, UUID kolId, String mslId, String team, UUID interactionId, UUID medicalRequestId,
            Channel channel, String timeZone, LegalBasis legalBasis) {
        this.id = UUID.randomUUID();
        this.resourceId = resourceId;
        this.kolId = kolId;
        this.mslId = mslId;
        this.team = team;
        this.interactionId = interactionId;
        this.medicalRequestId = medicalRequestId;
        this.channel = channel;
        this.timeZone = timeZone;
        this.sharedAt = Instant.now();
        this.legalBasis = legalBasis;
    }

    /**
     * GDPR Art. 17 of the KOL: the reference is cut; an answer to the KOL's own request stays linked to the
     * pseudonym, as the request it answers does.
     *
     * @return whether the share is held under its legal basis
     */
    public boolean eraseKol(UUID pseudonym) {
        kolId = legalBasis == null ? null : pseudonym;
        return legalBasis != null;
    }

    public LegalBasis legalBasis() {
        return legalBasis;
    }

    public LocalDate localDate() {
        return sharedAt.atZone(ZoneId.of(timeZone)).toLocalDate();
    }

    public UUID id() {
        return id;
    }

    public UUID resourceId() {
        return resourceId;
    }

    public UUID kolId() {
        return kolId;
    }

    public String mslId() {
        return mslId;
    }

    public String team() {
        return team;
    }

    public UUID interactionId() {
        return interactionId;
    }

    public UUID medicalRequestId() {
        return medicalRequestId;
    }

    public Channel channel() {
        return channel;
    }

    public String timeZone() {
        return timeZone;
    }

    public Instant sharedAt() {
        return sharedAt;
    }
}
