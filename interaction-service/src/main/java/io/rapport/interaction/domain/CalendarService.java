package io.rapport.interaction.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.interaction.persistence.CalendarRepository;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.replica.Replicas;
import io.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Calendar feeds: Outlook and Google fetch a subscribed feed without a bearer token, so the URL itself is the
 * secret: 256 random bits, shown once, stored only as a hash, revocable and rotatable.
 */
@ApplicationScoped
public class CalendarService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarRepository feeds;
    private final Replicas replicas;
    private final Caller caller;

    public CalendarService(CalendarRepository feeds, Replicas replicas, Caller caller) {
        this.feeds = feeds;
        this.replicas = replicas;
        this.caller = caller;
    }

    /** A created or rotated feed: the token is only known at this moment. */
    public record Issued(String token, Instant createdAt) {
    }

    /** Creates the caller's feed, or replaces its token (the previous URL stops working). */
    @WithTransaction
    public Uni<Issued> issue() {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random());
        String hash = hash(token);
        String msl = caller.subject();
        return feeds.findById(msl).chain(existing -> {
            if (existing == null) {
                CalendarFeed feed = new CalendarFeed(msl, hash);
                return feeds.persist(feed).map(saved -> new Issued(token, saved.createdAt()));
            }
            existing.rotate(hash);
            return Uni.createFrom().item(new Issued(token, existing.createdAt()));
        });
    }

    @WithTransaction
    public Uni<Void> revoke() {
        return feeds.deleteById(caller.subject()).invoke(deleted -> {
            if (!deleted) {
                throw DomainException.notFound("Calendar feed of", caller.subject());
            }
        }).replaceWithVoid();
    }

    /**
     * The planned interactions of the feed's MSL; 404 for an unknown or revoked token, and once the MSL left the
     * directory (their replica removed or marked inactive): a feed outlives no employment. The problem never
     * names the token (it is the secret).
     */
    @WithSession
    public Uni<List<Interaction>> planned(String token) {
        return feeds.byHash(hash(token)).chain(feed -> {
            if (feed == null) {
                throw DomainException.notFound("Calendar feed", "");
            }
            return replicas.get(Replicated.MSL, feed.mslId(), Replicated.Msl.class).chain(msl -> {
                if (msl == null || msl.left()) {
                    throw DomainException.notFound("Calendar feed", "");
                }
                return feeds.plannedOf(feed.mslId());
            });
        });
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
