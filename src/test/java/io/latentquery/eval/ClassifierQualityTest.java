package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.Slow;
import io.latentquery.TestData;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.Split;
import org.junit.jupiter.api.Test;

@Slow
class ClassifierQualityTest {
  @Test
  void theSmallClassifierLearnsMnistFromAThousandRandomExamples() {
    Dataset pool = TestData.catalog().open(DataRequest.of("mnist")).split(Split.POOL);
    Dataset test = TestData.mnistTest(2000);
    int[] selected = RandomSelection.draw(pool.size(), 1000, 11);
    EvaluationResult result =
        new ClassifierEvaluator(ClassifierSettings.defaults(11)).evaluate(pool, selected, test);
    System.out.print(EvaluationText.format(result));
    assertTrue(result.accuracy() > 0.85, "test accuracy " + result.accuracy());
    for (int k = 0; k < 10; k++) {
      assertTrue(
          result.perClassAccuracy().get(k) > 0.6,
          "class " + k + " accuracy " + result.perClassAccuracy().get(k));
    }
  }
}
