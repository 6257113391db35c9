package io.latentquery.sampling.baseline;

import io.latentquery.sampling.Points;
import io.latentquery.sampling.SelectionRequest;

/** The already-labeled points of a request as a mask over the pool, after checking the request. */
final class Labeled {
  private Labeled() {}

  /**
   * Checks {@code request} against the pool (budget at most the selectable points, labeled indices
   * inside it) and marks its already-selected points.
   */
  static boolean[] mask(Points points, SelectionRequest request) {
    request.checkAgainst(points.count());
    boolean[] labeled = new boolean[points.count()];
    for (int i : request.alreadySelected()) {
      labeled[i] = true;
    }
    return labeled;
  }

  static int count(boolean[] labeled) {
    int count = 0;
    for (boolean l : labeled) {
      count += l ? 1 : 0;
    }
    return count;
  }
}
