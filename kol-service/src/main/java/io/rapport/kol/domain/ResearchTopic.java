package io.rapport.kol.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A research topic of the reference data (immunotherapy-resistance, car-t-persistence...): the controlled
 * vocabulary a profile's {@code researchTopics} choose from. Unlike the typed research interests, its codes are
 * company reference data, so they may travel in events and be matched by recommendations.
 */
@Entity
@Table(name = "research_topic")
public class ResearchTopic extends NamedCode {

    /** A lower-case keyword: what a profile, a path and an event carry. */
    public static final String CODE = "[a-z0-9][a-z0-9-]{0,59}";

    protected ResearchTopic() {
    }

    public ResearchTopic(String code, String name) {
        super(code, name);
    }
}
