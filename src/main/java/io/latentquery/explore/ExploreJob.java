package io.latentquery.explore;

import io.latentquery.InputException;
import io.latentquery.data.Dataset;
import io.latentquery.data.Shuffle;
import io.latentquery.files.AtomicFiles;
import io.latentquery.inference.Encodings;
import io.latentquery.report.Palette;
import io.latentquery.report.Projection2D;
import io.latentquery.report.Projections;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.cluster.KMeans;
import io.latentquery.sampling.cluster.KMeansSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Builds the explorer page of a pool: its encodings in the plane (z1, z2, or the two principal axes
 * when L > 2), coloured by class or by k-means cluster, each point's thumbnail, and the selection
 * to start from. The page lets a person add and drop points and download the result as a selection
 * in {@code lq sample}'s format.
 */
public final class ExploreJob {
  private final ExploreSettings settings;

  public ExploreJob(ExploreSettings settings) {
    this.settings = settings;
  }

  /**
   * The pool to explore.
   *
   * @param encodings the pool's encodings, example for example
   * @param pool the pool's images (and labels, when it has them)
   * @param selected pool indices of the selection to start from, in rank order (may be empty)
   * @param title the page's title
   */
  public record Input(Encodings encodings, Dataset pool, int[] selected, String title) {
    public Input {
      selected = selected.clone();
    }
  }

  /** What was written. */
  public record Summary(Path page, int shown, int poolSize, int selected, int latentDim) {}

  /** Writes the page to {@code out}, replacing a file there only when {@code replace} is true. */
  public Summary write(Input input, Path out, boolean replace) {
    if (Files.exists(out) && !replace) {
      throw new InputException(out + " exists; use --force to replace it");
    }
    ExploreData data = build(input);
    int[] shown = data.index();
    SpriteSheet sprite = SpriteSheet.of(input.pool(), shown, settings.thumbnailSide());
    AtomicFiles.writeString(out, ExplorePage.html(data, sprite));
    return new Summary(out, shown.length, input.pool().size(), data.selected().length, data.dim());
  }

  /** The page's data: the drawn points with their coordinates, classes, clusters and thumbnails. */
  public ExploreData build(Input input) {
    Encodings encodings = input.encodings();
    Dataset pool = input.pool();
    checkSameExamples(encodings, pool);
    int[] shown = shown(pool.size(), input.selected());
    Points points = Points.of(encodings).subset(shown);
    Projection2D plane = points.dim() <= 2 ? Projections.firstTwo(points) : Projections.pca(points);
    int k = Math.min(settings.clusters(), shown.length);
    int[] clusters = KMeans.fit(points, KMeansSettings.of(k), settings.seed()).assignments();
    int[] labels = null;
    if (pool.hasLabels()) {
      labels = new int[shown.length];
      for (int p = 0; p < shown.length; p++) {
        labels[p] = pool.label(shown[p]);
      }
    }
    List<String> ids = new ArrayList<>(shown.length);
    for (int index : shown) {
      ids.add(pool.id(index));
    }
    int[] selected = new int[input.selected().length];
    for (int r = 0; r < selected.length; r++) {
      selected[r] = Arrays.binarySearch(shown, input.selected()[r]);
    }
    List<String> palette = new ArrayList<>();
    for (int c = 0; c < Math.max(k, pool.numClasses()); c++) {
      palette.add(String.format("#%06x", Palette.color(c).getRGB() & 0xffffff));
    }
    return ExploreData.builder()
        .title(input.title())
        .pool(pool.name(), pool.size())
        .points(shown, ids)
        .plane(floats(plane.x()), floats(plane.y()), List.of(plane.xLabel(), plane.yLabel()))
        .classes(labels, pool.classNames())
        .clusters(clusters)
        .latent(floats(points.toArray()), points.dim())
        .selected(selected)
        .palette(palette)
        .sprite(SpriteSheet.Layout.of(pool.shape(), shown.length, settings.thumbnailSide()))
        .build();
  }

  /** Every pool index when the pool fits, else a seeded sample that keeps every selected one. */
  private int[] shown(int poolSize, int[] selected) {
    TreeSet<Integer> chosen = new TreeSet<>();
    for (int index : selected) {
      if (index < 0 || index >= poolSize || !chosen.add(index)) {
        throw new InputException(
            "the selection names pool index " + index + " twice or outside the pool");
      }
    }
    if (poolSize <= settings.maxPoints()) {
      int[] all = new int[poolSize];
      Arrays.setAll(all, i -> i);
      return all;
    }
    if (selected.length > settings.maxPoints()) {
      throw new IllegalArgumentException(
          "the selection has "
              + selected.length
              + " examples, more than --max-points "
              + settings.maxPoints());
    }
    int[] order = Shuffle.permutation(poolSize, new SplittableRandom(settings.seed()));
    for (int k = 0; chosen.size() < settings.maxPoints(); k++) {
      chosen.add(order[k]);
    }
    return chosen.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void checkSameExamples(Encodings encodings, Dataset pool) {
    if (encodings.count() != pool.size()) {
      throw new InputException(
          "the encodings hold "
              + encodings.count()
              + " examples but the pool "
              + pool.name()
              + " has "
              + pool.size()
              + "; encode the same --data, --limit and split");
    }
    for (int i = 0; i < pool.size(); i++) {
      if (!encodings.id(i).equals(pool.id(i))) {
        throw new InputException(
            "encoding "
                + i
                + " has id '"
                + encodings.id(i)
                + "' but pool example "
                + i
                + " of "
                + pool.name()
                + " is '"
                + pool.id(i)
                + "'; encode the same --data, --limit and split");
      }
    }
  }

  private static float[] floats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
