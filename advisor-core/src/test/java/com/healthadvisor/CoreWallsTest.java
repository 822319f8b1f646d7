package com.healthadvisor;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The core's edges, checked on its compiled classes: a library without Spring, a web server or a database; one API
 * package ({@code com.healthadvisor}) with the entry point on top of the internal packages, which never call it back.
 */
class CoreWallsTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.healthadvisor");

    @Test
    void theCoreStandsWithoutTheService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                "org.h2..", "org.postgresql..", "io.micrometer..", "picocli..").check(CORE);
    }

    @Test
    void theInternalPackagesNeverCallTheEntryPoint() {
        noClasses().that().resideOutsideOfPackage("com.healthadvisor").should().dependOnClassesThat()
                .belongToAnyOf(HealthAdvisor.class).check(CORE);
    }

    /** Besides the entry point, the API package holds data: records and exceptions a user reads. */
    @Test
    void theApiPackageHoldsTheEntryPointAndData() {
        classes().that().resideInAPackage("com.healthadvisor").and().areNotAssignableTo(HealthAdvisor.class)
                .and().areNotAssignableTo(Throwable.class).and().areTopLevelClasses()
                .and().doNotHaveSimpleName("package-info")
                .should().beRecords().check(CORE);
    }

    @Test
    void noTwoInternalPackagesDependOnEachOther() {
        slices().matching("com.healthadvisor.(*)..").should().beFreeOfCycles().check(CORE);
    }
}
