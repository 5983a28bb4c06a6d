package dev.tunelab.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md, checked on the compiled main classes: Maven keeps a
 * module from using one it does not declare, but not from declaring one it should not, nor core
 * from growing a framework import. Within a reactor build the other modules arrive as jars, so jars
 * are imported too; a rule whose classes are missing fails instead of passing empty.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tunelab");
    }

    @Test
    void coreImportsNoFrameworkAndNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.tunelab.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "jakarta..",
                        "javax.persistence..",
                        "org.hibernate..",
                        "org.apache.kafka..",
                        "org.eclipse.microprofile..",
                        "org.deeplearning4j..",
                        "org.nd4j..",
                        "dev.tunelab.store..",
                        "dev.tunelab.api..",
                        "dev.tunelab.scheduler..",
                        "dev.tunelab.worker..",
                        "dev.tunelab.app..")
                .check(classes);
    }

    @Test
    void storeDependsOnCoreOnly() {
        noClasses()
                .that()
                .resideInAPackage("dev.tunelab.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.tunelab.api..", "dev.tunelab.scheduler..", "dev.tunelab.worker..", "dev.tunelab.app..")
                .check(classes);
    }

    @Test
    void apiUsesNeitherSchedulerNorWorker() {
        noClasses()
                .that()
                .resideInAPackage("dev.tunelab.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.tunelab.scheduler..", "dev.tunelab.worker..", "dev.tunelab.app..")
                .check(classes);
    }

    @Test
    void schedulerUsesNeitherApiNorWorker() {
        noClasses()
                .that()
                .resideInAPackage("dev.tunelab.scheduler..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.tunelab.api..", "dev.tunelab.worker..", "dev.tunelab.app..")
                .check(classes);
    }

    @Test
    void workerHasNoDatabaseAndUsesNeitherApiNorScheduler() {
        noClasses()
                .that()
                .resideInAPackage("dev.tunelab.worker..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.tunelab.api..",
                        "dev.tunelab.scheduler..",
                        "dev.tunelab.store..",
                        "dev.tunelab.app..",
                        "org.hibernate..",
                        "jakarta.persistence..",
                        "java.sql..")
                .check(classes);
    }
}
