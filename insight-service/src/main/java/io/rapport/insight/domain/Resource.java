package io.rapport.insight.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import com.fasterxml.jackson.core.type.TypeReference;

import io.rapport.platform.persistence.JsonConverter;

/**
 * Approved (medical/legal/regulatory reviewed) content an MSL may share: DRAFT, then APPROVED with its MLR
 * approval id until it expires, or WITHDRAWN. Only approved, unexpired content is ever shared.
 */
@Entity
@Table(name = "resource")
public class Resource {

    public enum Status {
        DRAFT,
        APPROVED,
        WITHDRAWN
    }

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private ResourceDocument.ResourceType type;
    private String title;
    @Convert(converter = CitationColumn.class)
    @ColumnTransformer(read = "citation::text", write = "?::text::jsonb")
    private Evidence citation;
    @Column(name = "therapeutic_areas")
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "therapeutic_areas::text", write = "?::text::jsonb")
    private List<String> therapeuticAreas;
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "products::text", write = "?::text::jsonb")
    private List<String> products;
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "tags::text", write = "?::text::jsonb")
    private List<String> tags;
    @Enumerated(EnumType.STRING)
    private ResourceDocument.Usage usage;
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "markets::text", write = "?::text::jsonb")
    private List<String> markets;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "mlr_approval_id")
    private String mlrApprovalId;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "withdrawn_reason")
    private String withdrawnReason;
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "authors::text", write = "?::text::jsonb")
    private List<String> authors;
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Resource() {
    }

    public static Resource draft(ResourceDocument document, String author) {
        Resource resource = new Resource();
        resource.authors = List.of(author);
        resource.id = UUID.randomUUID();
        resource.status = Status.DRAFT;
        resource.createdAt = Instant.now();
        resource.apply(document);
        resource.version = 1;
        resource.updatedAt = resource.createdAt;
        return resource;
    }

    public void edit(ResourceDocument document, String editor) {
        apply(document);
        if (!authors().contains(editor)) {
            authors = java.util.stream.Stream.concat(authors().stream(), java.util.stream.Stream.of(editor)).toList();
        }
        touch();
    }

    /** Who drafted or edited it: none of them may approve it. */
    public List<String> authors() {
        return authors == null ? List.of() : authors;
    }

    private void apply(ResourceDocument document) {
        type = document.type();
        title = document.title();
        citation = document.citation();
        therapeuticAreas = document.therapeuticAreas();
        products = document.products();
        tags = document.tags();
        usage = document.usage();
        markets = document.markets();
    }

    public void approve(String approvalId, Instant approved, Instant expires) {
        status = Status.APPROVED;
        mlrApprovalId = approvalId;
        approvedAt = approved;
        expiresAt = expires;
        touch();
    }

    public void withdraw(String reason) {
        status = Status.WITHDRAWN;
        withdrawnReason = reason;
        touch();
    }

    /** Expiry is derived from the date, never stored as a status. */
    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public boolean shareable(Instant now) {
        return status == Status.APPROVED && !expired(now);
    }

    private void touch() {
        version++;
        updatedAt = Instant.now();
    }

    public ResourceDocument document() {
        return new ResourceDocument(type, title, citation, therapeuticAreas, products, tags, usage, markets);
    }

    public UUID id() {
        return id;
    }

    public ResourceDocument.ResourceType type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Evidence citation() {
        return citation;
    }

    public List<String> therapeuticAreas() {
        return therapeuticAreas;
    }

    public List<String> products() {
        return products;
    }

    public List<String> tags() {
        return tags;
    }

    public ResourceDocument.Usage usage() {
        return usage;
    }

    public List<String> markets() {
        return markets;
    }

    public Status status() {
        return status;
    }

    public String mlrApprovalId() {
        return mlrApprovalId;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String withdrawnReason() {
        return withdrawnReason;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    static final class CitationColumn extends JsonConverter<Evidence> {
        CitationColumn() {
            super(new TypeReference<Evidence>() {
            });
        }
    }
}
