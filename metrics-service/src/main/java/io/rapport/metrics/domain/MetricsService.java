package io.rapport.metrics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rapport.metrics.persistence.HealthReader;
import io.rapport.metrics.persistence.RollupReader;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;

/** The metrics a caller may read: summaries, time series, coverage and relationship health. */
@ApplicationScoped
public class MetricsService {

    private final MetricsAccess access;
    private final RollupReader rollups;
    private final HealthReader health;

    public MetricsService(MetricsAccess access, RollupReader rollups, HealthReader health) {
        this.access = access;
        this.rollups = rollups;
        this.health = health;
    }

    @Schema(name = "PeriodMetrics", description = "The value metrics of a scope over a period (dates included)")
    public record PeriodMetrics(LocalDate from, LocalDate to, String scope, Summary metrics) {
    }

    @Schema(name = "Series", description = "The value metrics of a scope per bucket (day, ISO week, month, quarter)")
    public record Series(String scope, Granularity granularity, LocalDate from, LocalDate to, List<Bucket> buckets) {
    }

    @Schema(name = "Bucket", description = "One period of a series; start and end included, clipped to the query")
    public record Bucket(LocalDate start, LocalDate end, Summary metrics) {
    }

    @Schema(name = "Coverage", description = "Share of KOLs met in the period (docs/metrics.md, Coverage)")
    public record Coverage(LocalDate from, LocalDate to, String scope, long tierOneTwoKols, long tierOneTwoReached,
            Double tierOneTwoCoverage, long assignedKols, long assignedReached, Double assignedCoverage,
            long kolsWithConflictsOfInterest) {
    }

    @Schema(name = "KolHealth", description = "Relationship health 0-100 and its components (docs/metrics.md)")
    public record KolHealth(UUID kolId, int score, int recency, int frequency, int feedback, int reciprocity,
            int responsiveness, LocalDate lastContact, int recentContacts, Integer tier, String country,
            List<String> assignedMsls, LocalDate computedOn) {

        static KolHealth of(HealthReader.Row r) {
            return new KolHealth(r.kolId(), r.score(), r.recency(), r.frequency(), r.feedback(), r.reciprocity(),
                    r.responsiveness(), r.lastContact(), r.recentContacts(), r.tier(), r.country(), r.assignedMsls(),
                    r.computedOn());
        }
    }

    @Schema(name = "KolMetrics", description = "A KOL's series and current relationship health")
    public record KolMetrics(Series series, KolHealth health) {
    }

    /** What a stream subscriber watches: the scope of a summary, or one KOL. */
    @WithSession
    public Uni<Scope> watched(String team, String area, UUID kolId) {
        return kolId != null ? access.kol(kolId) : access.scope(team, area);
    }

    @WithSession
    public Uni<PeriodMetrics> summary(String team, String area, Period period) {
        return access.scope(team, area).chain(scope -> total(scope, period)
                .map(summary -> new PeriodMetrics(period.from(), period.to(), scope.label(), summary)));
    }

    @WithSession
    public Uni<Series> msl(String mslId, Period period, Granularity granularity) {
        return access.msl(mslId).chain(scope -> series(scope, period, granularity));
    }

    @WithSession
    public Uni<Series> team(String team, Period period, Granularity granularity) {
        return access.team(team).chain(scope -> series(scope, period, granularity));
    }

    @WithSession
    public Uni<Series> area(String area, Period period, Granularity granularity) {
        return access.area(area).chain(scope -> series(scope, period, granularity));
    }

    @WithSession
    public Uni<KolMetrics> kol(UUID kolId, Period period, Granularity granularity) {
        return access.kol(kolId).chain(scope -> series(scope, period, granularity))
                .chain(series -> health.of(kolId).map(h -> new KolMetrics(series, h == null ? null : KolHealth.of(h))));
    }

    @WithSession
    public Uni<Coverage> coverage(String team, String area, Period period) {
        return access.scope(team, area).chain(scope -> access.msls(team).chain(msls -> {
            List<String> inScope = scope.kind() == Scope.Kind.MSL ? List.of(scope.msl()) : msls;
            return rollups.coverage(true, inScope, area, period.from(), period.to())
                    .chain(tier -> rollups.coverage(false, inScope, area, period.from(), period.to())
                            .chain(assigned -> rollups.kolsWithConflictsOfInterest().map(coi -> new Coverage(
                                    period.from(), period.to(), scope.label(), tier[0], tier[1], ratio(tier[1], tier[0]),
                                    assigned[0], assigned[1], ratio(assigned[1], assigned[0]), coi))));
        }));
    }

    /** Whether the caller may read the health list of this team (or of all they see): true, or a 403/400. */
    @WithSession
    public Uni<Boolean> mayReadHealth(String team) {
        return access.msls(team).replaceWith(Boolean.TRUE);
    }

    /** Active KOLs in scope by relationship health, lowest first (keyset paging on score and id). */
    @WithSession
    public Uni<Page<KolHealth>> health(String team, PageRequest page) {
        Integer afterScore = page.keyOf(2).isFirst() ? null : page.after(0, MetricsService::score);
        UUID afterKol = page.isFirst() ? null : page.afterUuid(1);
        return access.msls(team).chain(msls -> health.lowestFirst(msls, afterScore, afterKol, page.fetchSize()))
                .map(rows -> page.page(rows.stream().map(KolHealth::of).toList(),
                        h -> List.of(String.valueOf(h.score()), h.kolId().toString())));
    }

    /** A health score in a cursor: 0 to 100, like every score this list hands out. */
    private static Integer score(String value) {
        int score = Integer.parseInt(value);
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("a score is 0 to 100");
        }
        return score;
    }

    private Uni<Summary> total(Scope scope, Period period) {
        return rollups.counters(scope, period.from(), period.to(), Granularity.QUARTER).chain(buckets -> {
            Map<String, Long> sums = new java.util.HashMap<>();
            buckets.values().forEach(counters -> counters.forEach((k, v) -> sums.merge(k, v, Long::sum)));
            return rollups.reach(scope, period.from(), period.to(), null).map(reach -> {
                RollupReader.Reach r = reach.values().stream().findFirst().orElse(RollupReader.Reach.NONE);
                return Summary.of(sums, r.met(), r.content());
            });
        });
    }

    private Uni<Series> series(Scope scope, Period period, Granularity granularity) {
        List<LocalDate> starts = period.buckets(granularity);
        return rollups.counters(scope, period.from(), period.to(), granularity)
                .chain(counters -> rollups.reach(scope, period.from(), period.to(), granularity).map(reach -> {
                    List<Bucket> buckets = new ArrayList<>();
                    for (LocalDate start : starts) {
                        LocalDate end = granularity.next(start).minusDays(1);
                        RollupReader.Reach r = reach.getOrDefault(start, RollupReader.Reach.NONE);
                        buckets.add(new Bucket(start.isBefore(period.from()) ? period.from() : start,
                                end.isAfter(period.to()) ? period.to() : end,
                                Summary.of(counters.getOrDefault(start, Map.of()), r.met(), r.content())));
                    }
                    return new Series(scope.label(), granularity, period.from(), period.to(), buckets);
                }));
    }

    private static Double ratio(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return java.math.BigDecimal.valueOf((double) part / whole).setScale(4, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }
}
