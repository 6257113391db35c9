package io.latentquery.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The image pictures of a report, built from {@link ImageGrid}. */
public final class ImageFigures {
  private ImageFigures() {}

  /**
   * Originals above their reconstructions: rows alternate, each original row of {@code columns}
   * images followed by the row of their reconstructions, and pairs of rows are set apart.
   */
  public static BufferedImage reconstructions(
      ImageBatch originals, ImageBatch reconstructions, int columns, int scale) {
    if (originals.count() != reconstructions.count()) {
      throw new IllegalArgumentException(
          originals.count() + " originals but " + reconstructions.count() + " reconstructions");
    }
    if (!originals.shape().equals(reconstructions.shape())) {
      throw new IllegalArgumentException(
          "originals are "
              + originals.shape()
              + " but reconstructions are "
              + reconstructions.shape());
    }
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be >= 1, got " + columns);
    }
    int n = originals.count();
    int perRow = Math.max(1, Math.min(columns, n));
    int bands = (n + perRow - 1) / perRow;
    float[] both = new float[2 * n * originals.shape().size()];
    System.arraycopy(originals.pixels(), 0, both, 0, n * originals.shape().size());
    System.arraycopy(
        reconstructions.pixels(),
        0,
        both,
        n * originals.shape().size(),
        n * originals.shape().size());
    int[] tiles = new int[bands * 2 * perRow];
    Arrays.fill(tiles, -1);
    for (int i = 0; i < n; i++) {
      int band = i / perRow;
      int col = i % perRow;
      tiles[(band * 2) * perRow + col] = i;
      tiles[(band * 2 + 1) * perRow + col] = n + i;
    }
    ImageBatch images = new ImageBatch(both, 2 * n, originals.shape());
    return ImageGrid.render(images, new ImageGrid.Style(perRow, scale, 2, 2), List.of(), tiles);
  }

  /** Images with their reconstruction error as caption, worst first as given. */
  public static BufferedImage hardExamples(
      ImageBatch images, double[] errors, int columns, int scale) {
    if (errors.length != images.count()) {
      throw new IllegalArgumentException(
          errors.length + " errors for " + images.count() + " images");
    }
    List<String> captions = new ArrayList<>();
    for (double error : errors) {
      captions.add(String.format(Locale.ROOT, "%.4f", error));
    }
    return ImageGrid.render(images, new ImageGrid.Style(columns, scale, 2), captions);
  }

  /**
   * Positions of the {@code k} largest errors, largest first (ties: lower index first); NaN errors
   * count as largest, since a model that cannot reconstruct an image is worth a look.
   */
  public static int[] hardest(double[] errors, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
    Integer[] order = new Integer[errors.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byError = Double.compare(rank(errors[b]), rank(errors[a]));
          return byError != 0 ? byError : Integer.compare(a, b);
        });
    int[] out = new int[Math.min(k, errors.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = order[i];
    }
    return out;
  }

  private static double rank(double error) {
    return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
  }
}
