package io.rapport.insight.domain;

import java.util.Map;
import java.util.Set;

import io.rapport.platform.audit.AuditShape;

/** What the audit trail compares, and the free-text fields an erasure scrubs from it. */
public final class Snapshot {

    static final AuditShape<Insight> INSIGHT = AuditShape.of(Insight.class)
            .field("kolId", Insight::kolId)
            .field("therapeuticArea", Insight::therapeuticArea)
            .field("product", Insight::product)
            .field("category", Insight::category)
            .text("title", Insight::title)
            .text("text", Insight::text)
            .field("evidence", Insight::evidence)
            .field("tags", Insight::tags)
            .field("sentiment", Insight::sentiment)
            .field("adverseEventMentioned", Insight::adverseEventMentioned)
            .field("safetyReportId", Insight::safetyReportId)
            .field("status", Insight::status)
            .field("endorsements", Insight::endorsements)
            .text("rejectionReason", Insight::rejectionReason)
            .text("actionTaken", Insight::actionTaken)
            .build();

    static final AuditShape<Resource> RESOURCE = AuditShape.of(Resource.class)
            .field("document", Resource::document)
            .field("status", Resource::status)
            .field("mlrApprovalId", Resource::mlrApprovalId)
            .field("approvedAt", Resource::approvedAt)
            .field("expiresAt", Resource::expiresAt)
            .field("withdrawnReason", Resource::withdrawnReason)
            .build();

    /** Insight fields an erasure scrubs (a resource is about no KOL). */
    public static final Set<String> FREE_TEXT = INSIGHT.freeText();

    private Snapshot() {
    }

    public static Map<String, Object> of(Insight i) {
        return INSIGHT.snapshot(i);
    }

    public static Map<String, Object> of(Resource r) {
        return RESOURCE.snapshot(r);
    }
}
