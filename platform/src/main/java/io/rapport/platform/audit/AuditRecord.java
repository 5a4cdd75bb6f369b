package io.rapport.platform.audit;

/**
 * What to audit: an aggregate's state before and after a change (any objects Jackson can write; null before
 * a creation), so the trail can list the changed fields with their old and new values.
 *
 * @param onBehalfOf the user the actor acted for (a manager recording for an MSL), or null
 * @param reason why (an amendment reason, an override reason), or null
 */
public record AuditRecord(String aggregateType, Object aggregateId, long version, String action, Object before,
        Object after, String onBehalfOf, String reason) {

    public static AuditRecord of(String aggregateType, Object aggregateId, long version, String action, Object before,
            Object after) {
        return new AuditRecord(aggregateType, aggregateId, version, action, before, after, null, null);
    }

    public AuditRecord onBehalfOf(String user) {
        return new AuditRecord(aggregateType, aggregateId, version, action, before, after, user, reason);
    }

    public AuditRecord because(String why) {
        return new AuditRecord(aggregateType, aggregateId, version, action, before, after, onBehalfOf, why);
    }
}
