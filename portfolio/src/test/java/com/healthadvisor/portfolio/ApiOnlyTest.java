package com.healthadvisor.portfolio;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The job is a user of the advisor like any embedding program: the API package, never the core's insides. */
class ApiOnlyTest {

    @Test
    void theJobCallsOnlyTheAdvisorsApi() {
        noClasses().that().resideInAPackage("com.healthadvisor.portfolio..").should().dependOnClassesThat(
                        resideInAPackage("com.healthadvisor..")
                                .and(resideOutsideOfPackages("com.healthadvisor", "com.healthadvisor.portfolio..")))
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.healthadvisor"));
    }
}
