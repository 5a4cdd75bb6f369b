package io.rapport.kol.events;

/** The topics and CloudEvents types kol-service publishes (documented in docs/events/asyncapi.yaml). */
public final class KolEventTypes {

    public static final String KOL_TOPIC = "rapport.kol.v1";
    public static final String REFERENCE_TOPIC = "rapport.reference.v1";

    public static final String KOL_CREATED = "rapport.kol.created.v1";
    public static final String KOL_UPDATED = "rapport.kol.updated.v1";
    public static final String KOL_ERASED = "rapport.kol.erased.v1";
    public static final String THERAPEUTIC_AREA_CHANGED = "rapport.reference.therapeutic-area.changed.v1";
    public static final String PRODUCT_CHANGED = "rapport.reference.product.changed.v1";
    public static final String RESEARCH_TOPIC_CHANGED = "rapport.reference.research-topic.changed.v1";
    public static final String MSL_CHANGED = "rapport.reference.msl.changed.v1";

    private KolEventTypes() {
    }
}
