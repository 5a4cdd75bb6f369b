package io.rapport.testing;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules of docs/architecture.md for one service: the domain knows neither the API, the events nor
 * any transport; the API goes through the domain; persistence knows no API. Each service checks itself with
 * {@code @ArchTest static final ArchRule layers = ServiceLayers.of("io.rapport.kol");}.
 */
public final class ServiceLayers {

    private ServiceLayers() {
    }

    public static ArchRule of(String servicePackage) {
        String api = servicePackage + ".api..";
        String domain = servicePackage + ".domain..";
        String events = servicePackage + ".events..";
        String persistence = servicePackage + ".persistence..";
        ArchRule domainIsPure = noClasses().that().resideInAPackage(domain).should().dependOnClassesThat()
                .resideInAnyPackage(api, events, "jakarta.ws.rs..", "org.eclipse.microprofile.reactive.messaging..",
                        "io.smallrye.reactive.messaging..", "org.apache.kafka..")
                .because("the domain knows neither the API, the events nor any transport");
        ArchRule apiGoesThroughDomain = noClasses().that().resideInAPackage(api).should().dependOnClassesThat()
                .resideInAPackage(persistence).because("the API goes through the domain");
        ArchRule persistenceKnowsNoApi = noClasses().that().resideInAPackage(persistence).should().dependOnClassesThat()
                .resideInAnyPackage(api, "jakarta.ws.rs..").because("persistence knows no API");
        return CompositeArchRule.of(domainIsPure).and(apiGoesThroughDomain).and(persistenceKnowsNoApi);
    }
}
