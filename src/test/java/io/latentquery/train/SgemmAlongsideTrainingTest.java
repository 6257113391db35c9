package io.latentquery.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.data.ImageShape;
import io.latentquery.model.AutoencoderConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgemmAlongsideTrainingTest {
  private static TrainingBenchmark training(int steps) {
    AutoencoderConfig config = AutoencoderConfig.preset("small", new ImageShape(8, 8, 1)).build();
    return new TrainingBenchmark(config, 2, SessionSettings.threads(1), 1, steps);
  }

  @Test
  void theProductsAreSpreadEvenlyOverTheStepsAndAllRun() {
    SgemmAlongsideTraining tenOverTwenty =
        new SgemmAlongsideTraining(training(20), new SgemmBenchmark(8, 1, 0, 10));
    List<Integer> after = new ArrayList<>();
    for (int step = -1; step < 20; step++) {
      after.add(tenOverTwenty.productsAfter(step));
    }
    // One product after every second step: after steps 1, 3, ..., 19.
    assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10), after);
    SgemmAlongsideTraining tenOverThree =
        new SgemmAlongsideTraining(training(3), new SgemmBenchmark(8, 1, 0, 10));
    // More products than steps: 3, 3 and 4 after the three steps.
    assertEquals(0, tenOverThree.productsAfter(-1));
    assertEquals(3, tenOverThree.productsAfter(0));
    assertEquals(6, tenOverThree.productsAfter(1));
    assertEquals(10, tenOverThree.productsAfter(2));
  }

  @Test
  void bothAreMeasuredWithEveryProductTimed() {
    SgemmAlongsideTraining.Result result =
        new SgemmAlongsideTraining(training(4), new SgemmBenchmark(64, 1, 1, 5)).run(null);
    assertEquals(4, result.training().steps());
    assertEquals(4, result.training().stepSeconds().size());
    assertEquals(
        4 * result.training().secondsPerStep(),
        result.training().stepSeconds().stream().mapToDouble(Double::doubleValue).sum(),
        1e-9);
    assertEquals(5, result.sgemm().seconds().size());
    assertTrue(result.training().imagesPerSecond() > 0);
    assertTrue(result.sgemm().gflopsPerSecond() > 0);
  }

  @Test
  void workBetweenStepsIsLeftOutOfTheStepTimes() {
    TrainingBenchmark.Result result =
        training(3)
            .run(
                null,
                step -> {
                  try {
                    Thread.sleep(300);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    // Three steps of the small model on 8x8 images take milliseconds; the 0.9 s asleep is not
    // theirs, nor is its CPU time.
    assertTrue(result.secondsPerStep() < 0.3, "seconds per step: " + result.secondsPerStep());
  }

  @Test
  void theCpuTimeShareIsRoughWhenEitherPartSpansUnderASecond() {
    assertTrue(measured(2.0, 0.5).cpuTimeRough());
    assertTrue(measured(0.2, 3.0).cpuTimeRough());
    assertFalse(measured(2.0, 1.5).cpuTimeRough());
    // Not measured at all is not rough: the share is then not given.
    assertFalse(measured(Double.NaN, 0.5).cpuTimeRough());
    assertFalse(measured(0.0, 2.0).cpuTimeRough());
  }

  private static SgemmAlongsideTraining.Result measured(double trainingCpu, double sgemmCpu) {
    return new SgemmAlongsideTraining.Result(
        new TrainingBenchmark.Result(100, 0.64, 50, 20, trainingCpu, List.of(0.64)),
        new SgemmBenchmark.Result(64, 10, 0.1, List.of(0.1), 5, sgemmCpu));
  }

  @Test
  void aRunIsUnevenWhenItsStepsOrItsProductsSpreadWiderThanAQuarter() {
    assertFalse(run(List.of(1.0, 1.2, 1.1), List.of(0.44, 0.45)).uneven());
    assertTrue(run(List.of(1.0, 1.3, 1.1), List.of(0.44, 0.45)).uneven());
    assertTrue(run(List.of(1.0, 1.1), List.of(0.44, 0.56)).uneven());
    assertFalse(run(List.of(1.0, 1.25), List.of(0.4, 0.5)).uneven());
  }

  private static SgemmAlongsideTraining.Result run(List<Double> steps, List<Double> products) {
    return new SgemmAlongsideTraining.Result(
        new TrainingBenchmark.Result(1, 1, 1, steps.size(), 1, steps),
        new SgemmBenchmark.Result(8, 1, 1, products, 1, 1));
  }
}
