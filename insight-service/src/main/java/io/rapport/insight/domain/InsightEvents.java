package io.rapport.insight.domain;

import io.smallrye.mutiny.Uni;

/** What the domain tells the rest of Rapport, in the transaction of the change (implemented in {@code events}). */
public interface InsightEvents {

    enum InsightChange {
        SUBMITTED,
        VALIDATED,
        ACTIONED,
        REJECTED,
        REWORKED,
        ENDORSED
    }

    enum ResourceChange {
        APPROVED,
        WITHDRAWN
    }

    Uni<Void> insight(Insight insight, InsightChange change);

    Uni<Void> resource(Resource resource, ResourceChange change);

    Uni<Void> shared(Share share, Resource resource);

    /** An adverse event mentioned in an insight: Drug Safety must have it within a business day. */
    Uni<Void> safetyReportDue(Insight insight);

    Uni<Void> safetyReported(Insight insight);
}
