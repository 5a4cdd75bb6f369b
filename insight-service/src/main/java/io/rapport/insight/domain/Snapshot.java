package io.rapport.insight.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the audit trail compares, and the free-text fields an erasure scrubs from it. */
public final class Snapshot {

    public static final Set<String> FREE_TEXT = Set.of("title", "text", "actionTaken", "rejectionReason");

    private Snapshot() {
    }

    public static Map<String, Object> of(Insight i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kolId", i.kolId());
        s.put("therapeuticArea", i.therapeuticArea());
        s.put("product", i.product());
        s.put("category", i.category());
        s.put("title", i.title());
        s.put("text", i.text());
        s.put("evidence", i.evidence());
        s.put("tags", i.tags());
        s.put("sentiment", i.sentiment());
        s.put("adverseEventMentioned", i.adverseEventMentioned());
        s.put("safetyReportId", i.safetyReportId());
        s.put("status", i.status());
        s.put("endorsements", i.endorsements());
        s.put("rejectionReason", i.rejectionReason());
        s.put("actionTaken", i.actionTaken());
        return s;
    }

    public static Map<String, Object> of(Resource r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("document", r.document());
        s.put("status", r.status());
        s.put("mlrApprovalId", r.mlrApprovalId());
        s.put("approvedAt", r.approvedAt());
        s.put("expiresAt", r.expiresAt());
        s.put("withdrawnReason", r.withdrawnReason());
        return s;
    }
}
