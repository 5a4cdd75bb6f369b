package io.rapport.interaction;

import org.junit.jupiter.api.Tag;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.rapport.testing.ServiceLayers;

/** The package rules of docs/architecture.md, kept by the build. */
@AnalyzeClasses(packages = "io.rapport.interaction", importOptions = ImportOption.DoNotIncludeTests.class)
@Tag("unit")
@ArchTag("unit")
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = ServiceLayers.of("io.rapport.interaction");
}
