package io.rapport.platform.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/** One change of an aggregate, written in the transaction of the change itself. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public UUID id;
    @Column(name = "aggregate_type")
    public String aggregateType;
    @Column(name = "aggregate_id")
    public String aggregateId;
    @Column(name = "aggregate_version")
    public long aggregateVersion;
    public String action;
    public String actor;
    @Column(name = "on_behalf_of")
    public String onBehalfOf;
    public Instant at;
    /** The changed fields as JSON text; Hibernate Reactive maps only JSON objects, and this is an array. */
    @Column(name = "changes")
    @ColumnTransformer(read = "changes::text", write = "?::text::jsonb")
    public String changes;
    public String reason;
}
