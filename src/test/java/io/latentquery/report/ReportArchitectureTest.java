package io.latentquery.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The report draws plain arrays: it never loads TensorFlow or reaches into model building,
 * training, export or the CLI, so pictures can be made (and tested) without a native library.
 */
class ReportArchitectureTest {
  @Test
  void reportDependsOnlyOnPlainInputs() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.latentquery.report");
    noClasses()
        .that()
        .resideInAPackage("io.latentquery.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.tensorflow..",
            "io.latentquery.model..",
            "io.latentquery.train..",
            "io.latentquery.export..",
            "io.latentquery.inference..",
            "io.latentquery.cli..")
        .check(classes);
  }
}
