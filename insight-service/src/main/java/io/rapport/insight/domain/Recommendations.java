package io.rapport.insight.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rapport.insight.persistence.ResourceRepository;
import io.rapport.insight.persistence.ShareRepository;
import io.rapport.platform.replica.Directory;
import io.smallrye.mutiny.Uni;

/**
 * What to share next with a KOL: approved, unexpired, proactive content approved in the KOL's country and not
 * shared with them yet, ranked by how well its therapeutic areas and tags match the KOL's areas and research
 * topics (codes of kol-service's vocabulary), each with the reasons it was picked.
 */
@ApplicationScoped
public class Recommendations {

    static final int AREA_WEIGHT = 2;
    static final int TOPIC_WEIGHT = 3;

    private final ResourceRepository resources;
    private final ShareRepository shares;
    private final Directory directory;

    public Recommendations(ResourceRepository resources, ShareRepository shares, Directory directory) {
        this.resources = resources;
        this.shares = shares;
        this.directory = directory;
    }

    /** A recommended resource, its score and why. */
    public record Recommendation(Resource resource, int score, List<String> reasons) {
    }

    @WithSession
    public Uni<List<Recommendation>> forKol(UUID kolId, int limit) {
        // Nothing is offered to a KOL who may not be contacted unasked (erased, objected, do-not-contact...).
        return directory.kol(kolId.toString(), Replicated.Kol.class, false).chain(kol -> kol.country() == null
                || !KolRights.reachable(kol)
                        ? Uni.createFrom().item(List.<Recommendation> of())
                        : shares.resourcesSharedWith(kolId).chain(shared -> resources.proactiveIn(kol.country())
                                .map(candidates -> rank(kol, shared, candidates, limit))));
    }

    static List<Recommendation> rank(Replicated.Kol kol, Set<UUID> shared, List<Resource> candidates, int limit) {
        Instant now = Instant.now();
        List<Recommendation> ranked = new ArrayList<>();
        for (Resource resource : candidates) {
            if (shared.contains(resource.id()) || !resource.shareable(now)
                    || resource.usage() != ResourceDocument.Usage.PROACTIVE
                    || kol.country() == null || !resource.markets().contains(kol.country())) {
                continue;
            }
            Recommendation scored = score(kol, resource);
            if (scored.score() > 0) {
                ranked.add(scored);
            }
        }
        ranked.sort(Comparator.comparingInt(Recommendation::score).reversed()
                .thenComparing(r -> r.resource().approvedAt(), Comparator.nullsLast(Comparator.reverseOrder())));
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    static Recommendation score(Replicated.Kol kol, Resource resource) {
        int score = 0;
        List<String> reasons = new ArrayList<>();
        for (String area : resource.therapeuticAreas()) {
            if (kol.areas().contains(area)) {
                score += AREA_WEIGHT;
                reasons.add("therapeutic area " + area + " is one of the KOL's");
            }
        }
        for (String tag : resource.tags()) {
            for (String topic : kol.topics()) {
                if (matches(tag, topic)) {
                    score += TOPIC_WEIGHT;
                    reasons.add("tag '" + tag + "' matches the research topic '" + topic + "'");
                    break;
                }
            }
        }
        return new Recommendation(resource, score, reasons);
    }

    /** "immunotherapy" matches "immunotherapy-resistance": a tag is one of the topic code's keywords. */
    static boolean matches(String tag, String topic) {
        String t = tag.toLowerCase(Locale.ROOT);
        String c = topic.toLowerCase(Locale.ROOT);
        return c.equals(t) || c.startsWith(t + "-") || c.endsWith("-" + t) || c.contains("-" + t + "-");
    }
}
