package io.latentquery.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: cli -> everything; train -> model, data; the foundations (data,
 * files, provenance, contract) depend on no feature package; only the cli knows the cli.
 */
class LayeredDependenciesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.latentquery");

  private static final String[] FEATURES = {
    "io.latentquery.model..",
    "io.latentquery.train..",
    "io.latentquery.export..",
    "io.latentquery.inference..",
    "io.latentquery.sampling..",
    "io.latentquery.eval..",
    "io.latentquery.report..",
    "io.latentquery.explore..",
    "io.latentquery.cli.."
  };

  @Test
  void foundationsDependOnNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.latentquery.data..",
            "io.latentquery.files..",
            "io.latentquery.provenance..",
            "io.latentquery.contract..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .check(CLASSES);
  }

  @Test
  void modelKnowsNothingOfTrainingSamplingOrTheProduct() {
    noClasses()
        .that()
        .resideInAPackage("io.latentquery.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.latentquery.train..",
            "io.latentquery.export..",
            "io.latentquery.inference..",
            "io.latentquery.sampling..",
            "io.latentquery.eval..",
            "io.latentquery.report..",
            "io.latentquery.cli..")
        .check(CLASSES);
  }

  @Test
  void trainingAndExportDoNotReachSamplingEvaluationOrReports() {
    noClasses()
        .that()
        .resideInAnyPackage("io.latentquery.train..", "io.latentquery.export..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.latentquery.sampling..",
            "io.latentquery.eval..",
            "io.latentquery.report..",
            "io.latentquery.cli..")
        .check(CLASSES);
  }

  @Test
  void onlyTheCommandLineKnowsTheCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.latentquery.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.latentquery.cli..")
        .check(CLASSES);
  }
}
