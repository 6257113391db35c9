package io.latentquery.sampling.strategy;

import io.latentquery.inference.ReconstructionError;
import io.latentquery.sampling.propagate.KnownLabels;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The options a user gave for a strategy, by name (the command-line option without its dashes, e.g.
 * {@code threshold}, {@code clusters}), plus per-point scores for strategies that rank points (the
 * reconstruction error for {@code ae-error}). Values are parsed and checked when a strategy's
 * factory reads them, with messages naming the option; an option the chosen strategy never reads is
 * refused by {@link StrategyRegistry#create}, so a misspelt or misplaced option is never silently
 * ignored. Only options the user gave are present: defaults belong to strategies.
 */
public final class StrategyOptions {
  private final Map<String, String> values;
  private final double[] scores;
  private final ReconstructionError measure;
  private final KnownLabels knownLabels;
  private final Set<String> read = new TreeSet<>();

  private StrategyOptions(
      Map<String, String> values,
      double[] scores,
      ReconstructionError measure,
      KnownLabels knownLabels) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.scores = scores == null ? null : scores.clone();
    this.measure = measure;
    this.knownLabels = knownLabels;
  }

  public static StrategyOptions of(Map<String, String> values) {
    return new StrategyOptions(values, null, null, null);
  }

  public static StrategyOptions none() {
    return of(Map.of());
  }

  /**
   * These options with per-point reconstruction errors attached, measured by {@link
   * ReconstructionError#DEFAULT}.
   */
  public StrategyOptions withScores(double[] pointScores) {
    return withScores(pointScores, ReconstructionError.DEFAULT);
  }

  /** These options with per-point reconstruction errors attached, measured by {@code measure}. */
  public StrategyOptions withScores(double[] pointScores, ReconstructionError measure) {
    return new StrategyOptions(values, pointScores, measure, knownLabels);
  }

  /** These options with the classes of the already-labeled points attached. */
  public StrategyOptions withKnownLabels(KnownLabels labels) {
    return new StrategyOptions(values, scores, measure, labels);
  }

  /** The classes of the already-labeled points, when the caller read them (lq sample --labeled). */
  public Optional<KnownLabels> knownLabels() {
    return Optional.ofNullable(knownLabels);
  }

  /** The raw value of {@code name}, if given; marks it as used. */
  public Optional<String> raw(String name) {
    read.add(name);
    return Optional.ofNullable(values.get(name));
  }

  /** A value that must be a finite number > 0. */
  public OptionalDouble positiveDouble(String name) {
    Optional<String> text = raw(name);
    if (text.isEmpty()) {
      return OptionalDouble.empty();
    }
    double value = parse(name, text.get(), Double::parseDouble);
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException("--" + name + " must be a number > 0, got " + text.get());
    }
    return OptionalDouble.of(value);
  }

  /** A value that must be an integer >= {@code min}. */
  public OptionalInt intAtLeast(String name, int min) {
    Optional<String> text = raw(name);
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    int value = parse(name, text.get(), Integer::parseInt);
    if (value < min) {
      throw new IllegalArgumentException("--" + name + " must be >= " + min + ", got " + value);
    }
    return OptionalInt.of(value);
  }

  /** A value parsed by {@code parser}, which throws IllegalArgumentException naming the choices. */
  public <T> Optional<T> choice(String name, Function<String, T> parser) {
    return raw(name).map(parser);
  }

  /** The per-point scores, when the caller computed them. */
  public Optional<double[]> scores() {
    return Optional.ofNullable(scores).map(double[]::clone);
  }

  /** How the attached scores were measured, when there are scores. */
  public Optional<ReconstructionError> scoreMeasure() {
    return Optional.ofNullable(measure);
  }

  /** The options given but never read. */
  public Set<String> unread() {
    Set<String> unread = new TreeSet<>(values.keySet());
    unread.removeAll(read);
    return unread;
  }

  private static <T> T parse(String name, String text, Function<String, T> parser) {
    try {
      return parser.apply(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, got '" + text + "'");
    }
  }
}
