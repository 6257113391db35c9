package io.latentquery.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Reports read run folders and exports as plain files, so they work on models trained and exported
 * elsewhere: this package never reaches into model building, training, export or the CLI.
 */
class RenderArchitectureTest {
  @Test
  void renderUsesExportsNotTheTrainingCode() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.latentquery.render");
    noClasses()
        .that()
        .resideInAPackage("io.latentquery.render..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.latentquery.model..",
            "io.latentquery.train..",
            "io.latentquery.export..",
            "io.latentquery.cli..",
            "io.latentquery.eval..")
        .check(classes);
  }
}
