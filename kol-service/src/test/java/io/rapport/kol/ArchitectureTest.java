package io.rapport.kol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of docs/architecture.md, kept by the build. */
@AnalyzeClasses(packages = "io.rapport.kol", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoApiEventsOrTransport = noClasses().that().resideInAPackage("..kol.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..kol.api..", "..kol.events..", "jakarta.ws.rs..",
                    "org.eclipse.microprofile.reactive.messaging..", "io.smallrye.reactive.messaging..",
                    "org.apache.kafka..");

    @ArchTest
    static final ArchRule apiGoesThroughTheDomain = noClasses().that().resideInAPackage("..kol.api..")
            .should().dependOnClassesThat().resideInAPackage("..kol.persistence..");

    @ArchTest
    static final ArchRule persistenceKnowsNoApi = noClasses().that().resideInAPackage("..kol.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("..kol.api..", "jakarta.ws.rs..");
}
