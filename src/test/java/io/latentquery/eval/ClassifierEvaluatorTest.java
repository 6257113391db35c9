package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.data.Dataset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClassifierEvaluatorTest {
  private static final ClassifierSettings TINY =
      new ClassifierSettings(
          new ClassifierArchitecture("tiny", List.of(8), 1, DenseLayers.of(16)),
          100,
          16,
          1e-2f,
          3,
          1);

  @Test
  void learnsATinySeparableSetPerfectly() {
    Dataset patterns = Synthetic.patterns(10, 1);
    int[] all = IntStream.range(0, patterns.size()).toArray();
    EvaluationResult result = new ClassifierEvaluator(TINY).evaluate(patterns, all, patterns);
    assertEquals(1.0, result.accuracy(), "final loss " + result.finalLoss());
    assertEquals(List.of(1.0, 1.0, 1.0, 1.0), result.perClassAccuracy());
    assertEquals(40, result.budget());
    assertEquals(40, result.testSize());
    assertEquals(4, result.balance().classesCovered());
    assertTrue(result.finalLoss() < 0.1, "loss " + result.finalLoss());
  }

  @Test
  void generalisesFromAFewLabeledExamplesToFreshOnes() {
    Dataset train = Synthetic.patterns(3, 2);
    Dataset test = Synthetic.patterns(25, 99);
    int[] all = IntStream.range(0, train.size()).toArray();
    EvaluationResult result = new ClassifierEvaluator(TINY).evaluate(train, all, test);
    assertEquals(1.0, result.accuracy());
  }

  @Test
  void theSameSeedGivesTheSameResultAndAnotherSeedAnotherTraining() {
    Dataset patterns = Synthetic.patterns(5, 4);
    int[] some = {0, 1, 2, 3, 5, 6, 7, 9, 11};
    ClassifierSettings shortRun = TINY.withSteps(30);
    EvaluationResult first = new ClassifierEvaluator(shortRun).evaluate(patterns, some, patterns);
    EvaluationResult again = new ClassifierEvaluator(shortRun).evaluate(patterns, some, patterns);
    EvaluationResult other =
        new ClassifierEvaluator(shortRun.withSeed(4)).evaluate(patterns, some, patterns);
    assertEquals(first.finalLoss(), again.finalLoss());
    assertEquals(first.accuracy(), again.accuracy());
    assertNotEquals(first.finalLoss(), other.finalLoss());
  }

  @Test
  void dropoutChangesTrainingButNeitherTheSeedsRepeatNorPredictionsOnTheWholeSet() {
    Dataset patterns = Synthetic.patterns(10, 1);
    int[] all = IntStream.range(0, patterns.size()).toArray();
    ClassifierSettings dropout =
        TINY.withArchitecture(
            new ClassifierArchitecture("tiny", List.of(8), 1, new DenseLayers(List.of(16), 0.5)));
    EvaluationResult plain = new ClassifierEvaluator(TINY).evaluate(patterns, all, patterns);
    EvaluationResult first = new ClassifierEvaluator(dropout).evaluate(patterns, all, patterns);
    EvaluationResult again = new ClassifierEvaluator(dropout).evaluate(patterns, all, patterns);
    assertNotEquals(plain.finalLoss(), first.finalLoss(), "masks are fed while training");
    assertEquals(first.finalLoss(), again.finalLoss(), "masks come from the seed");
    // Scoring runs without dropout: a net that learnt the set classifies every image.
    assertEquals(1.0, first.accuracy(), "final loss " + first.finalLoss());
  }

  @Test
  void architecturesStoredBeforeDropoutReadAsNoDropout() throws Exception {
    var mapper = io.latentquery.files.Json.mapper();
    ClassifierArchitecture stored =
        mapper.readValue(
            "{\"name\":\"small\",\"filters\":[16,32],\"convsPerLevel\":1,\"dense\":[128]}",
            ClassifierArchitecture.class);
    assertEquals(ClassifierArchitecture.small(), stored);
    ClassifierArchitecture method = ClassifierArchitecture.method();
    assertEquals(
        method, mapper.readValue(mapper.writeValueAsString(method), ClassifierArchitecture.class));
  }

  @Test
  void theMethodsClassifierHasTwoConvolutionsPerLevelAndDropout() {
    ClassifierArchitecture method = ClassifierArchitecture.preset("method");
    assertEquals(List.of(64, 32, 32), method.filters());
    assertEquals(2, method.convsPerLevel());
    assertEquals(new DenseLayers(List.of(1024, 1024), 0.2), method.dense());
  }

  @Test
  void perClassAccuracyCountsOnlyThatClassesTestExamples() {
    Dataset patterns = Synthetic.patterns(4, 5);
    // Trained on classes 0 and 1 only: it cannot be right on the 4 diagonal and 4 corner test
    // images.
    int[] twoClasses = {0, 1, 4, 5, 8, 9};
    EvaluationResult result =
        new ClassifierEvaluator(TINY).evaluate(patterns, twoClasses, patterns);
    assertEquals(0.0, result.perClassAccuracy().get(2));
    assertEquals(0.0, result.perClassAccuracy().get(3));
    assertEquals(
        (result.perClassAccuracy().get(0) + result.perClassAccuracy().get(1)) / 4,
        result.accuracy(),
        1e-12);
    assertEquals(List.of(2, 3), result.balance().missingClasses());
  }

  @Test
  void anEmptySelectionIsRefused() {
    Dataset patterns = Synthetic.patterns(1, 1);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ClassifierEvaluator(TINY).evaluate(patterns, new int[0], patterns));
    assertEquals("the selection is empty", e.getMessage());
  }

  @Test
  void settingsNameTheBadValue() {
    var steps =
        assertThrows(
            IllegalArgumentException.class, () -> ClassifierSettings.defaults(1).withSteps(0));
    assertEquals("steps must be >= 1, got 0", steps.getMessage());
    var preset =
        assertThrows(IllegalArgumentException.class, () -> ClassifierArchitecture.preset("huge"));
    assertEquals(
        "classifier must be one of [small, method, paper], got 'huge'", preset.getMessage());
  }
}
