package io.latentquery.sampling.io;

import io.latentquery.provenance.Provenance;
import java.util.List;
import java.util.Map;

/**
 * What {@code selection.json} records beside a selection: everything needed to reproduce it and to
 * judge it.
 *
 * @param strategy the strategy's command-line name
 * @param requested n
 * @param selected examples selected (n)
 * @param seed the random seed
 * @param parameters every parameter the strategy used, derived defaults included
 * @param inputs where the encodings came from: encoder path and SHA-256 of its folder, data name,
 *     split and checksum, or the encodings file and its checksum
 * @param counts pool size and examples already labeled
 * @param classHistogram selected examples per class, when labels are known (else null)
 * @param seconds wall-clock time of the whole command
 * @param provenance versions, machine and time
 * @param draws the latent vectors the strategy drew that picked points, in rank order (empty for
 *     strategies that do not draw): artificial examples for {@code lq decode} and the report
 */
public record SelectionRecord(
    String strategy,
    int requested,
    int selected,
    long seed,
    Map<String, Object> parameters,
    Map<String, Object> inputs,
    Map<String, Integer> counts,
    Map<String, Integer> classHistogram,
    double seconds,
    Provenance provenance,
    List<double[]> draws) {

  public static Builder builder() {
    return new Builder();
  }

  /** Names each field of a record, so that none is passed in another's place. */
  public static final class Builder {
    private String strategy;
    private int requested;
    private int selected;
    private long seed;
    private Map<String, Object> parameters;
    private Map<String, Object> inputs;
    private Map<String, Integer> counts;
    private Map<String, Integer> classHistogram;
    private double seconds;
    private Provenance provenance;
    private List<double[]> draws = List.of();

    private Builder() {}

    public Builder strategy(String strategy) {
      this.strategy = strategy;
      return this;
    }

    public Builder requested(int requested) {
      this.requested = requested;
      return this;
    }

    public Builder selected(int selected) {
      this.selected = selected;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder parameters(Map<String, Object> parameters) {
      this.parameters = parameters;
      return this;
    }

    public Builder inputs(Map<String, Object> inputs) {
      this.inputs = inputs;
      return this;
    }

    public Builder counts(Map<String, Integer> counts) {
      this.counts = counts;
      return this;
    }

    public Builder classHistogram(Map<String, Integer> classHistogram) {
      this.classHistogram = classHistogram;
      return this;
    }

    public Builder seconds(double seconds) {
      this.seconds = seconds;
      return this;
    }

    public Builder provenance(Provenance provenance) {
      this.provenance = provenance;
      return this;
    }

    public Builder draws(List<double[]> draws) {
      this.draws = draws;
      return this;
    }

    public SelectionRecord build() {
      return new SelectionRecord(
          strategy,
          requested,
          selected,
          seed,
          parameters,
          inputs,
          counts,
          classHistogram,
          seconds,
          provenance,
          draws);
    }
  }
}
