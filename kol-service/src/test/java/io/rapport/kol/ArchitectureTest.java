package io.rapport.kol;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.rapport.testing.ServiceLayers;

/** The package rules of docs/architecture.md, kept by the build. */
@AnalyzeClasses(packages = "io.rapport.kol", importOptions = ImportOption.DoNotIncludeTests.class)
@ArchTag("unit")
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = ServiceLayers.of("io.rapport.kol");
}
