package io.latentquery.sampling.propagate;

import io.latentquery.InputException;
import io.latentquery.contract.LabelsCsv;
import io.latentquery.files.Checksums;
import io.latentquery.files.Json;
import io.latentquery.inference.Encodings;
import io.latentquery.provenance.Provenance;
import io.latentquery.sampling.Points;
import io.latentquery.sampling.io.LatentFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code lq propagate}: a person's labels spread to every pool example of an encodings file. Writes
 * {@code OUT} as {@code id,label,confidence,labeled} (a labels file, so it feeds {@code lq evaluate
 * --labels} as is) and beside it {@code OUT.json} with the settings, inputs and their checksums,
 * the run and, when the encodings carry true labels, how often the spread labels agree with them.
 */
public final class PropagationJob {
  /**
   * What to propagate.
   *
   * @param latent the encodings file (.csv or .npy)
   * @param labels the labels file (id,label)
   * @param out the pool labels to write
   * @param classes the classes; empty for the encodings' own labels when they have them, else the
   *     labels file's classes in order of appearance
   * @param spread graph and iteration settings
   * @param force whether to replace an existing output
   */
  public record Settings(
      Path latent,
      Path labels,
      Path out,
      List<String> classes,
      SpreadSettings spread,
      boolean force) {
    public Settings {
      classes = List.copyOf(classes);
    }
  }

  /**
   * What a run gives.
   *
   * @param poolSize pool examples labeled
   * @param labeled examples labeled by the person
   * @param iterations spreading iterations
   * @param converged whether spreading met its tolerance
   * @param agreement accuracy of the spread labels on the unlabeled examples against the encodings'
   *     own labels, and on the most confident 90% of them; null when the encodings carry no labels
   */
  public record Outcome(
      int poolSize, int labeled, int iterations, boolean converged, Agreement agreement) {}

  /**
   * Spread labels against true ones, over the examples the person did not label.
   *
   * @param accuracy share of spread labels equal to the true label
   * @param confidentAccuracy the same over the 90% most confident
   * @param compared examples with a true label
   */
  public record Agreement(double accuracy, double confidentAccuracy, int compared) {
    /** The share of {@code right} over all examples and over the 90% with most confidence. */
    public static Agreement of(boolean[] right, double[] confidence) {
      Integer[] order = new Integer[right.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(confidence[b], confidence[a]));
      int confident = (int) Math.ceil(0.9 * order.length);
      int all = 0;
      int rightConfident = 0;
      for (int r = 0; r < order.length; r++) {
        if (right[order[r]]) {
          all++;
          if (r < confident) {
            rightConfident++;
          }
        }
      }
      return new Agreement(
          all / (double) order.length, rightConfident / (double) confident, order.length);
    }
  }

  /** The record written beside the pool labels. */
  public record Record(
      Map<String, Object> inputs,
      Map<String, Object> run,
      Map<String, Integer> classHistogram,
      Agreement agreement,
      Provenance provenance) {}

  private PropagationJob() {}

  /** {@code pool-labels.csv -> pool-labels.json}. */
  public static Path recordPath(Path out) {
    String name = out.getFileName().toString();
    String base =
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    return out.resolveSibling(base + ".json");
  }

  public static Outcome run(Settings settings) {
    Path record = recordPath(settings.out());
    for (Path file : List.of(settings.out(), record)) {
      if (Files.exists(file) && !settings.force()) {
        throw new InputException(file + " exists; use --force to replace it");
      }
    }
    Encodings encodings = LatentFile.read(settings.latent());
    List<String> classes = settings.classes();
    if (classes.isEmpty() && encodings.hasLabels()) {
      TreeSet<String> own = new TreeSet<>();
      encodings.labels().stream().filter(java.util.Objects::nonNull).forEach(own::add);
      classes = List.copyOf(own);
    }
    LabelsCsv.Resolved resolved =
        LabelsCsv.read(settings.labels())
            .resolve(encodings.ids(), settings.latent().toString(), classes);
    KnownLabels known =
        new KnownLabels(resolved.indices(), resolved.classes(), resolved.classNames());
    LabelPropagation.Result result =
        LabelPropagation.run(Points.of(encodings), known, settings.spread());

    int n = encodings.count();
    List<String> labels = new ArrayList<>(n);
    List<String> confidence = new ArrayList<>(n);
    List<String> labeled = new ArrayList<>(n);
    boolean[] given = new boolean[n];
    for (int index : known.indices()) {
      given[index] = true;
    }
    Map<String, Integer> histogram = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String label = known.classNames().get(result.classes()[i]);
      labels.add(label);
      confidence.add(LatentFile.number(result.confidence()[i]));
      labeled.add(given[i] ? "true" : "false");
      histogram.merge(label, 1, Integer::sum);
    }
    Agreement agreement = agreement(encodings, labels, result.confidence(), given);

    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("latent", settings.latent().toString());
    inputs.put("latent_sha256", Checksums.sha256(settings.latent()));
    inputs.put("labels", settings.labels().toString());
    inputs.put("labels_sha256", Checksums.sha256(settings.labels()));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("pool", n);
    run.put("labeled", known.size());
    run.put("classes", known.classNames());
    run.put("iterations", result.iterations());
    run.put("converged", result.converged());
    run.put("edges", result.stats().edges());
    run.put("unreached", result.stats().unreached());
    Map<String, Object> provenanceSettings = new LinkedHashMap<>();
    provenanceSettings.put("spread", settings.spread());
    provenanceSettings.put("classes", known.classNames());

    Map<String, List<String>> extra = new LinkedHashMap<>();
    extra.put("confidence", confidence);
    extra.put("labeled", labeled);
    LabelsCsv.write(settings.out(), encodings.ids(), labels, extra);
    Json.write(
        record,
        new Record(
            inputs,
            run,
            histogram,
            agreement,
            Provenance.capture(
                "propagate", provenanceSettings, 0, (String) inputs.get("latent_sha256"))));
    return new Outcome(n, known.size(), result.iterations(), result.converged(), agreement);
  }

  /** Spread labels against the encodings' own, over the unlabeled examples that have one. */
  static Agreement agreement(
      Encodings encodings, List<String> labels, double[] confidence, boolean[] given) {
    if (!encodings.hasLabels()) {
      return null;
    }
    List<Integer> compared = new ArrayList<>();
    for (int i = 0; i < encodings.count(); i++) {
      if (!given[i] && encodings.label(i) != null) {
        compared.add(i);
      }
    }
    if (compared.isEmpty()) {
      return null;
    }
    boolean[] right = new boolean[compared.size()];
    double[] confidences = new double[compared.size()];
    for (int r = 0; r < compared.size(); r++) {
      int i = compared.get(r);
      right[r] = labels.get(i).equals(encodings.label(i));
      confidences[r] = confidence[i];
    }
    return Agreement.of(right, confidences);
  }
}
