package io.latentquery.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.latentquery.sampling.SelectionStrategy;
import io.latentquery.sampling.archfixture.ReachesIntoTraining;
import io.latentquery.train.RunFolder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sampler reads exported SavedModels through the contract only, so it must never reach the code
 * that builds, trains, exports, evaluates or reports on models, nor the command line. Every rule
 * refuses to pass when no class matches it, so renaming a package fails the test instead of
 * emptying the rule.
 */
class SamplingDependenciesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.latentquery");

  private static final ArchRule SAMPLING_AND_INFERENCE =
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
          .allowEmptyShould(false);

  @Test
  void samplingAndInferenceDependOnlyOnDataContractAndFiles() {
    for (String name :
        List.of(
            "io.latentquery.sampling",
            "io.latentquery.sampling.strategy",
            "io.latentquery.sampling.baseline",
            "io.latentquery.inference")) {
      assertTrue(
          CLASSES.stream().anyMatch(c -> c.getPackageName().equals(name)),
          "package " + name + " has classes for the rule to check");
    }
    SAMPLING_AND_INFERENCE.check(CLASSES);
  }

  @Test
  void theRuleCatchesASamplingClassThatReachesIntoTraining() {
    JavaClasses fixture =
        new ClassFileImporter()
            .importClasses(ReachesIntoTraining.class, RunFolder.class, SelectionStrategy.class);
    AssertionError e =
        assertThrows(AssertionError.class, () -> SAMPLING_AND_INFERENCE.check(fixture));
    assertTrue(e.getMessage().contains(ReachesIntoTraining.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains(RunFolder.class.getName()), e.getMessage());
  }

  @Test
  void theRuleRefusesToPassWhenNoClassMatches() {
    JavaClasses noSampling = new ClassFileImporter().importClasses(RunFolder.class);
    assertThrows(AssertionError.class, () -> SAMPLING_AND_INFERENCE.check(noSampling));
  }

  @Test
  void inferenceDoesNotDependOnTheSampler() {
    noClasses()
        .that()
        .resideInAPackage("io.latentquery.inference..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.latentquery.sampling..")
        .allowEmptyShould(false)
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
        .allowEmptyShould(false)
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

  @Test
  void samplingNeverNeedsSparkAndTheSparkJobsReachOnlyTheLibrary() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.latentquery.sampling..",
            "io.latentquery.inference..",
            "io.latentquery.data..",
            "io.latentquery.contract..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "scala..", "io.latentquery.spark..")
        .allowEmptyShould(false)
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("io.latentquery.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.latentquery.model..",
            "io.latentquery.train..",
            "io.latentquery.export..",
            "io.latentquery.eval..",
            "io.latentquery.report..",
            "io.latentquery.cli..")
        .allowEmptyShould(false)
        .check(CLASSES);
  }
}
