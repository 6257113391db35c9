package io.latentquery.sampling.propagate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AgreementTest {
  @Test
  void theConfidentShareCountsTheNinetyPercentWithMostConfidence() {
    boolean[] right = {true, false, true, true, false, true, true, true, true, false};
    double[] confidence = {0.9, 0.1, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.05};
    // By confidence: T T T F T T T T | F F; the 9 most confident hold 7 right ones.
    PropagationJob.Agreement agreement = PropagationJob.Agreement.of(right, confidence);
    assertEquals(0.7, agreement.accuracy(), 1e-12);
    assertEquals(7 / 9.0, agreement.confidentAccuracy(), 1e-12);
    assertEquals(10, agreement.compared());
  }
}
