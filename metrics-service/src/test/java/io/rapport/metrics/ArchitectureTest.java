package io.rapport.metrics;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.rapport.testing.ServiceLayers;

/**
 * The package rules of docs/architecture.md, kept by the build. Part of the fast layer: ArchUnit's engine reads
 * its own {@code @ArchTag}, not JUnit's {@code @Tag}.
 */
@ArchTag("unit")
@AnalyzeClasses(packages = "io.rapport.metrics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = ServiceLayers.of("io.rapport.metrics");
}
