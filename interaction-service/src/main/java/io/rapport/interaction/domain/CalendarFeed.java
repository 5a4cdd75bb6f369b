package io.rapport.interaction.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An MSL's secret calendar feed: only the SHA-256 of its token is kept, so the table cannot leak a feed. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    @Column(name = "msl_id")
    private String mslId;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CalendarFeed() {
    }

    public CalendarFeed(String mslId, String tokenHash) {
        this.mslId = mslId;
        this.tokenHash = tokenHash;
        this.createdAt = Instant.now();
    }

    /** A new token for the same MSL: the old URL stops working. */
    public void rotate(String newHash) {
        tokenHash = newHash;
        createdAt = Instant.now();
    }

    public String mslId() {
        return mslId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
