package io.latentquery.sampling.propagate;

/**
 * Label spreading of Zhou et al. (2004) on a graph with unit weights: with W the adjacency, D its
 * degrees and S = D^-1/2 W D^-1/2, iterate F = alpha S F + (1 - alpha) Y from F = Y, where Y has a
 * 1 in the column of each labeled point's class. F tends to (1 - alpha) (I - alpha S)^-1 Y. A
 * point's class is its largest entry of F and its confidence that entry's share of its row sum.
 * Labeled points keep their label with confidence 1; a point no label reaches (a graph component
 * without labels) gets class -1 and confidence 0.
 */
public final class LabelSpreading {
  private LabelSpreading() {}

  /**
   * The spread.
   *
   * @param scores F, row-major N x C
   * @param classes the class of every point, -1 where no label reached it
   * @param confidence the share of the class in each row of F, in [0, 1]; 1 for labeled points
   * @param iterations iterations run
   * @param converged whether the last iteration changed F by at most the tolerance
   */
  public record Spread(
      double[] scores, int[] classes, double[] confidence, int iterations, boolean converged) {
    public int size() {
      return classes.length;
    }
  }

  public static Spread spread(KnnGraph graph, KnownLabels labels, SpreadSettings settings) {
    int n = graph.size();
    int c = labels.classCount();
    int[] classOf = labels.classOfPoint(n);
    double[] scale = new double[n];
    for (int i = 0; i < n; i++) {
      int degree = graph.degree(i);
      scale[i] = degree == 0 ? 0 : 1 / Math.sqrt(degree);
    }
    double[] y = new double[n * c];
    for (int i = 0; i < n; i++) {
      if (classOf[i] >= 0) {
        y[i * c + classOf[i]] = 1;
      }
    }
    double alpha = settings.alpha();
    double[] f = y.clone();
    double[] next = new double[n * c];
    double[] scaled = new double[n * c];
    int iterations = 0;
    boolean converged = false;
    while (iterations < settings.maxIterations() && !converged) {
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < c; k++) {
          scaled[i * c + k] = scale[i] * f[i * c + k];
        }
      }
      double change = 0;
      double largest = 0;
      for (int i = 0; i < n; i++) {
        int end = graph.rowStart(i + 1);
        for (int k = 0; k < c; k++) {
          double sum = 0;
          for (int p = graph.rowStart(i); p < end; p++) {
            sum += scaled[graph.neighborAt(p) * c + k];
          }
          double value = alpha * scale[i] * sum + (1 - alpha) * y[i * c + k];
          change = Math.max(change, Math.abs(value - f[i * c + k]));
          largest = Math.max(largest, Math.abs(value));
          next[i * c + k] = value;
        }
      }
      double[] swap = f;
      f = next;
      next = swap;
      iterations++;
      converged = change <= settings.tolerance() * largest;
    }
    int[] classes = new int[n];
    double[] confidence = new double[n];
    for (int i = 0; i < n; i++) {
      if (classOf[i] >= 0) {
        classes[i] = classOf[i];
        confidence[i] = 1;
        continue;
      }
      int best = -1;
      double bestValue = 0;
      double total = 0;
      for (int k = 0; k < c; k++) {
        double value = f[i * c + k];
        total += value;
        if (value > bestValue) {
          best = k;
          bestValue = value;
        }
      }
      classes[i] = best;
      confidence[i] = best < 0 ? 0 : bestValue / total;
    }
    return new Spread(f, classes, confidence, iterations, converged);
  }
}
