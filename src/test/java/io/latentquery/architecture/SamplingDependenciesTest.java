package io.latentquery.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The sampler reads exported SavedModels through the contract only, so it must never reach the code
 * that builds, trains, exports, evaluates or reports on models, nor the command line.
 */
class SamplingDependenciesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.latentquery");

  @Test
  void samplingAndInferenceDependOnlyOnDataContractAndFiles() {
    noClasses()
        .that()
        .resideInAnyPackage("io.latentquery.sampling..", "io.latentquery.inference..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.latentquery.model..",
            "io.latentquery.train..",
            "io.latentquery.export..",
            "io.latentquery.eval..",
            "io.latentquery.report..",
            "io.latentquery.cli..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void inferenceDoesNotDependOnTheSampler() {
    noClasses()
        .that()
        .resideInAPackage("io.latentquery.inference..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.latentquery.sampling..")
        .check(CLASSES);
  }

  @Test
  void samplingSubpackagesDoNotDependOnStrategiesOrFileFormats() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.latentquery.sampling.neighbors..",
            "io.latentquery.sampling.cluster..",
            "io.latentquery.sampling.distribution..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.latentquery.sampling.strategy..", "io.latentquery.sampling.io..")
        .check(CLASSES);
  }

  @Test
  void theSelectionJobRunsWithoutTheCommandLineOrTensorFlowItself() {
    noClasses()
        .that()
        .resideInAPackage("io.latentquery.sampling.job..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("picocli..", "org.tensorflow..")
        .check(CLASSES);
  }
}
