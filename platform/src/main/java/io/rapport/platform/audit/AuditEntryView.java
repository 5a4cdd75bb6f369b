package io.rapport.platform.audit;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entry of {@code GET .../{id}/history}. */
@Schema(name = "AuditEntry")
public record AuditEntryView(long version, String action, String actor, String onBehalfOf, Instant at,
        List<FieldChange> changes, String reason) {

    static AuditEntryView from(AuditEntry entry, List<FieldChange> changes) {
        return new AuditEntryView(entry.aggregateVersion, entry.action, entry.actor, entry.onBehalfOf, entry.at,
                changes, entry.reason);
    }
}
