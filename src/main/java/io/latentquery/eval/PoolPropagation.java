package io.latentquery.eval;

import io.latentquery.InputException;
import io.latentquery.data.Dataset;
import io.latentquery.files.Checksums;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.io.LatentFile;
import io.latentquery.sampling.propagate.KnnGraph;
import io.latentquery.sampling.propagate.KnownLabels;
import io.latentquery.sampling.propagate.LabelPropagation;
import io.latentquery.sampling.propagate.SpreadSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The propagate recipe's labels: the labeled examples' classes spread over the pool's encodings
 * ({@link LabelPropagation}), every other pool example paired with its spread class and weighted by
 * its confidence.
 */
public final class PoolPropagation {
  private PoolPropagation() {}

  /**
   * The pseudo-labels, and what to record of them.
   *
   * @param record the encodings file and checksum, the spreading settings, iterations, whether it
   *     converged and how many examples got a spread label
   */
  public record Outcome(PseudoLabels pseudo, Map<String, Object> record) {}

  /**
   * Spreads {@code labels} (pool positions and classes) over the encodings in {@code latent}, which
   * must list the pool's examples in pool order.
   */
  public static Outcome spread(
      Dataset pool, Path latent, KnownLabels labels, SpreadSettings settings) {
    Encodings encodings = LatentFile.read(latent);
    checkSameExamples(pool, latent.toString(), encodings);
    Points points = Points.of(encodings);
    Outcome outcome =
        spread(pool, encodings, KnnGraph.of(points, settings.neighbors()), labels, settings);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("latent", latent.toString());
    record.put("latent_sha256", Checksums.sha256(latent));
    record.putAll(outcome.record());
    return new Outcome(outcome.pseudo(), record);
  }

  /**
   * Spreads {@code labels} over {@code encodings}, which list the pool's examples in pool order,
   * along {@code graph}, their k-nearest-neighbour graph with {@code settings.neighbors()}.
   */
  public static Outcome spread(
      Dataset pool,
      Encodings encodings,
      KnnGraph graph,
      KnownLabels labels,
      SpreadSettings settings) {
    checkSameExamples(pool, "the encodings", encodings);
    LabelPropagation.Result spread =
        LabelPropagation.run(Points.of(encodings), graph, labels, settings);
    boolean[] given = new boolean[pool.size()];
    for (int index : labels.indices()) {
      given[index] = true;
    }
    int[] rest = IntStream.range(0, pool.size()).filter(i -> !given[i]).toArray();
    int[] classes = new int[rest.length];
    float[] weights = new float[rest.length];
    for (int k = 0; k < rest.length; k++) {
      classes[k] = spread.classes()[rest[k]];
      weights[k] = (float) spread.confidence()[rest[k]];
    }
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("spread", settings);
    record.put("iterations", spread.iterations());
    record.put("converged", spread.converged());
    record.put("pseudo_labeled", rest.length);
    return new Outcome(new PseudoLabels(pool, rest, classes, weights), record);
  }

  /** Refuses encodings of other examples than the pool: same ids in the same order. */
  static void checkSameExamples(Dataset pool, String latent, Encodings encodings) {
    if (encodings.count() != pool.size()) {
      throw new InputException(
          latent
              + " holds "
              + encodings.count()
              + " encodings but the pool "
              + pool.name()
              + " has "
              + pool.size()
              + " examples; encode the same --data, --pool-size and --limit");
    }
    for (int i = 0; i < pool.size(); i++) {
      if (!pool.id(i).equals(encodings.id(i))) {
        throw new InputException(
            latent
                + " row "
                + (i + 1)
                + " is '"
                + encodings.id(i)
                + "' but pool example "
                + i
                + " is '"
                + pool.id(i)
                + "'; encode the same --data, --pool-size and --limit");
      }
    }
  }
}
