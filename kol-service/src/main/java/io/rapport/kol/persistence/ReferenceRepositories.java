package io.rapport.kol.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.rapport.kol.domain.Msl;
import io.rapport.kol.domain.Product;
import io.rapport.kol.domain.ResearchTopic;
import io.rapport.kol.domain.TherapeuticArea;

/** Repositories of the reference data and the MSL directory. */
public final class ReferenceRepositories {

    private ReferenceRepositories() {
    }

    @ApplicationScoped
    public static class TherapeuticAreas implements PanacheRepositoryBase<TherapeuticArea, String> {
    }

    @ApplicationScoped
    public static class Products implements PanacheRepositoryBase<Product, String> {
    }

    @ApplicationScoped
    public static class ResearchTopics implements PanacheRepositoryBase<ResearchTopic, String> {
    }

    @ApplicationScoped
    public static class Msls implements PanacheRepositoryBase<Msl, String> {
    }
}
