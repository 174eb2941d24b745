package io.touchpoint.gateway;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Pages and API resources are two faces over the same application services: neither reaches the database
 * itself, and neither calls the other. A page or resource that needs data asks a service for records.
 */
class ArchitectureTest {

    /** The gateway's code and the libraries whose resources it serves (the trail API). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.touchpoint.gateway", "io.touchpoint.trail", "io.touchpoint.support");

    private static final DescribedPredicate<JavaClass> GATEWAY = resideInAPackage("io.touchpoint.gateway..");

    /** The server-rendered pages, with their forms, views and helpers. */
    private static final DescribedPredicate<JavaClass> PAGES =
            resideInAnyPackage("..tablet..", "..portal..", "..console..", "..pages..").as("are pages");

    /** JAX-RS resources of the API (and the records nested in them), wherever they live, pages aside. */
    private static final DescribedPredicate<JavaClass> RESOURCES =
            belongTo(annotatedWith(Path.class)).and(DescribedPredicate.not(PAGES)).as("are API resources");

    private static final DescribedPredicate<JavaClass> PERSISTENCE =
            assignableTo(EntityManager.class).or(annotatedWith(Entity.class)).as("are the EntityManager or entities");

    @Test
    void pagesReachNoEntityManagerAndNoEntity() {
        noClasses().that(GATEWAY).and(PAGES).should().dependOnClassesThat(PERSISTENCE).check(CLASSES);
    }

    @Test
    void resourcesReachNoEntityManagerAndNoEntity() {
        noClasses().that(GATEWAY).and(RESOURCES).should().dependOnClassesThat(PERSISTENCE).check(CLASSES);
    }

    @Test
    void pagesCallNoResource() {
        noClasses().that(GATEWAY).and(PAGES).should().dependOnClassesThat(RESOURCES).check(CLASSES);
    }

    @Test
    void resourcesCallNoPage() {
        noClasses().that(GATEWAY).and(RESOURCES).should().dependOnClassesThat(PAGES).check(CLASSES);
    }
}
