package io.touchpoint.merkle;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The Merkle log is the JDK and itself only, so that any verifier can carry it without a framework. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.touchpoint.merkle");

    @Test
    void dependsOnTheJdkAndItselfOnly() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.touchpoint.merkle..").check(CLASSES);
    }
}
