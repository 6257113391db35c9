package io.latentquery.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * How evenly a selection covers the classes, computed from its labels.
 *
 * <p>{@code largestToSmallest} is taken over the classes present only, so it stays a finite number
 * (1.0 is perfectly even); a class with no example shows in {@code classesCovered} and {@code
 * missingClasses} instead of turning the ratio infinite, which JSON cannot hold and a mean over
 * seeds could not use.
 *
 * @param size number of labels
 * @param numClasses K, the number of classes of the dataset
 * @param classesCovered classes with at least one example
 * @param missingClasses class indices with no example
 * @param normalizedEntropy H / log K of the class histogram, in [0, 1]; 1 when K = 1
 * @param largestToSmallest largest class count / smallest nonzero class count
 * @param histogram examples per class index
 */
public record SelectionBalance(
    int size,
    int numClasses,
    int classesCovered,
    List<Integer> missingClasses,
    double normalizedEntropy,
    double largestToSmallest,
    List<Integer> histogram) {

  /** The balance of {@code labels}, each in [0, numClasses). */
  public static SelectionBalance of(int[] labels, int numClasses) {
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses must be >= 1, got " + numClasses);
    }
    if (labels.length == 0) {
      throw new IllegalArgumentException("the balance of an empty selection is undefined");
    }
    int[] counts = new int[numClasses];
    for (int label : labels) {
      if (label < 0 || label >= numClasses) {
        throw new IllegalArgumentException("label " + label + " is outside 0.." + (numClasses - 1));
      }
      counts[label]++;
    }
    List<Integer> missing = new ArrayList<>();
    List<Integer> histogram = new ArrayList<>();
    double entropy = 0;
    int largest = 0;
    int smallest = Integer.MAX_VALUE;
    for (int k = 0; k < numClasses; k++) {
      histogram.add(counts[k]);
      if (counts[k] == 0) {
        missing.add(k);
        continue;
      }
      double p = counts[k] / (double) labels.length;
      entropy -= p * Math.log(p);
      largest = Math.max(largest, counts[k]);
      smallest = Math.min(smallest, counts[k]);
    }
    double normalized = numClasses == 1 ? 1.0 : entropy / Math.log(numClasses);
    return new SelectionBalance(
        labels.length,
        numClasses,
        numClasses - missing.size(),
        List.copyOf(missing),
        normalized,
        largest / (double) smallest,
        List.copyOf(histogram));
  }
}
