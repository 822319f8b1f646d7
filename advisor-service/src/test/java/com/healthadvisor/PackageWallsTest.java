package com.healthadvisor;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * How the packages of the core and the service may depend on each other, checked on the compiled production classes
 * of both (the core's own edges: CoreWallsTest).
 */
class PackageWallsTest {

    /**
     * The core's and the service's classes; not the tests', nor the core's test jar the service's tests use, nor
     * what Spring generates from the service's configuration when it is built (its bean definitions, {@code X__Y},
     * and configuration proxies, {@code X$$SpringCGLIB$$N}), which wire every package together by design.
     */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .withImportOption(location -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
            .importPackages("com.healthadvisor");

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("com.healthadvisor.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void theWebIsAnEdgeNothingElseReaches() {
        noClasses().that().resideOutsideOfPackage("com.healthadvisor.web..")
                .and().doNotHaveFullyQualifiedName(HealthAdvisorApplication.class.getName())
                .should().dependOnClassesThat().resideInAPackage("com.healthadvisor.web..").check(PRODUCTION);
    }

    /** What a metric is, and what a snapshot is, stand on their own: everything else builds on them. */
    @Test
    void theCatalogAndTheSnapshotDependOnNothingElseOfTheProject() {
        noClasses().that().resideInAPackage("com.healthadvisor.catalog..").should().dependOnClassesThat()
                .resideOutsideOfPackages("com.healthadvisor.catalog..", "java..").check(PRODUCTION);
        noClasses().that().resideInAPackage("com.healthadvisor.snapshot..").should().dependOnClassesThat()
                .resideInAnyPackage("com.healthadvisor.metrics..", "com.healthadvisor.diagnosis..",
                        "com.healthadvisor.ruleset..", "com.healthadvisor.report..", "com.healthadvisor.web..",
                        "com.healthadvisor.cli..", "com.healthadvisor.company..", "com.healthadvisor.live..")
                .check(PRODUCTION);
    }
}
