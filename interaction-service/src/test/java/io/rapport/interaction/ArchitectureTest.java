package io.rapport.interaction;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of docs/architecture.md, kept by the build. */
@AnalyzeClasses(packages = "io.rapport.interaction", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoApiEventsOrTransport = noClasses().that().resideInAPackage("..interaction.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..interaction.api..", "..interaction.events..", "jakarta.ws.rs..",
                    "org.eclipse.microprofile.reactive.messaging..", "io.smallrye.reactive.messaging..",
                    "org.apache.kafka..");

    @ArchTest
    static final ArchRule apiGoesThroughTheDomain = noClasses().that().resideInAPackage("..interaction.api..")
            .should().dependOnClassesThat().resideInAPackage("..interaction.persistence..");

    @ArchTest
    static final ArchRule persistenceKnowsNoApi = noClasses().that().resideInAPackage("..interaction.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("..interaction.api..", "jakarta.ws.rs..");
}
