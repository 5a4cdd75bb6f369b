package io.rapport.insight.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rapport.insight.domain.Recommendations.Recommendation;
import io.rapport.insight.domain.ResourceDocument.Usage;

import static io.rapport.insight.domain.StandIns.resourceDocument;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link Recommendations} offers a KOL and in which order: approved, unexpired, proactive content of the
 * KOL's country not shared with them yet, ranked by therapeutic areas (2 each) and research topics a tag matches
 * (3 each, a tag counted once), ties broken by the most recent approval. The matching of one tag to one topic is
 * {@link MatchingTest}'s.
 */
@Tag("unit")
class RecommendationRankingTest {

    private static final Instant NOW = Instant.now();
    private static final Replicated.Contactability REACHABLE = new Replicated.Contactability(true, null, true, true,
            "LEGITIMATE_INTEREST", Map.of(), null, false);
    /** An oncologist in Germany working on immunotherapy resistance in NSCLC. */
    private static final Replicated.Kol KOL = new Replicated.Kol(UUID.randomUUID().toString(), "ACTIVE", "DE",
            List.of("ONC", "HEM"), List.of("immunotherapy-resistance", "nsclc-biomarkers"), REACHABLE);

    private static Resource approved(List<String> areas, List<String> tags, Usage usage, List<String> markets,
            Instant approvedAt) {
        Resource resource = Resource.draft(resourceDocument(areas, tags, usage, markets), "mgr-mo");
        resource.approve("MLR-" + UUID.randomUUID(), approvedAt, NOW.plus(Duration.ofDays(365)));
        return resource;
    }

    private static Resource approved(List<String> areas, List<String> tags) {
        return approved(areas, tags, Usage.PROACTIVE, List.of("DE", "AT"), NOW.minus(Duration.ofDays(10)));
    }

    private static List<Resource> ranked(Set<UUID> shared, List<Resource> candidates, int limit) {
        return Recommendations.rank(KOL, shared, candidates, limit).stream().map(Recommendation::resource).toList();
    }

    @Test
    void shouldScoreTwoForEachOfTheKolsAreasAndThreeForEachTagMatchingATopic() {
        Recommendation both = Recommendations.score(KOL, approved(List.of("ONC", "CARDIO"), List.of("immunotherapy")));
        Recommendation areas = Recommendations.score(KOL, approved(List.of("ONC", "HEM"), List.of("diabetes")));
        Recommendation tags = Recommendations.score(KOL, approved(List.of("CARDIO"), List.of("nsclc", "biomarkers",
                "resistance")));

        assertThat(both.score()).isEqualTo(5);
        assertThat(both.reasons()).containsExactly("therapeutic area ONC is one of the KOL's",
                "tag 'immunotherapy' matches the research topic 'immunotherapy-resistance'");
        assertThat(areas.score()).isEqualTo(4);
        assertThat(tags.score()).isEqualTo(9);
    }

    @Test
    void shouldCountATagOnceEvenWhenItMatchesSeveralTopics() {
        Replicated.Kol kol = new Replicated.Kol("k", "ACTIVE", "DE", List.of(), List.of("nsclc-biomarkers",
                "nsclc-screening"), REACHABLE);

        Recommendation scored = Recommendations.score(kol, approved(List.of("CARDIO"), List.of("nsclc")));

        assertThat(scored.score()).isEqualTo(3);
        assertThat(scored.reasons()).containsExactly("tag 'nsclc' matches the research topic 'nsclc-biomarkers'");
    }

    @Test
    void shouldRankTheBestMatchFirstAndTheNewestApprovalAmongEquals() {
        Resource oneArea = approved(List.of("ONC"), List.of());
        Resource topicAndArea = approved(List.of("ONC"), List.of("immunotherapy"));
        Resource older = approved(List.of("HEM"), List.of(), Usage.PROACTIVE, List.of("DE"),
                NOW.minus(Duration.ofDays(300)));
        Resource newer = approved(List.of("HEM"), List.of(), Usage.PROACTIVE, List.of("DE"),
                NOW.minus(Duration.ofDays(1)));

        assertThat(ranked(Set.of(), List.of(oneArea, older, topicAndArea, newer), 10))
                .containsExactly(topicAndArea, newer, oneArea, older);
        assertThat(ranked(Set.of(), List.of(oneArea, older, topicAndArea, newer), 2)).containsExactly(topicAndArea, newer);
    }

    @Test
    void shouldOfferOnlyShareableProactiveContentOfTheKolsCountryNotSharedYet() {
        Resource offered = approved(List.of("ONC"), List.of());
        Resource alreadyShared = approved(List.of("ONC"), List.of());
        Resource reactiveOnly = approved(List.of("ONC"), List.of(), Usage.REACTIVE_ONLY, List.of("DE"),
                NOW.minus(Duration.ofDays(3)));
        Resource otherMarket = approved(List.of("ONC"), List.of(), Usage.PROACTIVE, List.of("FR"),
                NOW.minus(Duration.ofDays(3)));
        Resource draft = Resource.draft(resourceDocument(List.of("ONC"), List.of(), Usage.PROACTIVE, List.of("DE")), "m");
        Resource withdrawn = approved(List.of("ONC"), List.of());
        withdrawn.withdraw("wrong figure");
        Resource expired = Resource.draft(resourceDocument(List.of("ONC"), List.of(), Usage.PROACTIVE, List.of("DE")), "m");
        expired.approve("MLR-old", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
        Resource unrelated = approved(List.of("CARDIO"), List.of("heart-failure"));

        assertThat(ranked(Set.of(alreadyShared.id()), List.of(offered, alreadyShared, reactiveOnly, otherMarket, draft,
                withdrawn, expired, unrelated), 10)).containsExactly(offered);
    }

    @Test
    void shouldOfferNothingToAKolWithoutACountry() {
        Replicated.Kol stateless = new Replicated.Kol("k", "ACTIVE", null, List.of("ONC"), List.of(), REACHABLE);

        assertThat(Recommendations.rank(stateless, Set.of(), List.of(approved(List.of("ONC"), List.of())), 10)).isEmpty();
    }
}
