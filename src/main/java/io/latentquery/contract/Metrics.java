package io.latentquery.contract;

import java.util.List;

/**
 * The per-epoch training record of a model ({@code models/NAME/metrics.csv}).
 *
 * @param lossTerms names of the loss terms between train_loss and validation_loss, in file order
 * @param epochs one row per epoch
 */
public record Metrics(List<String> lossTerms, List<Epoch> epochs) {
  public Metrics {
    lossTerms = List.copyOf(lossTerms);
    epochs = List.copyOf(epochs);
    for (Epoch epoch : epochs) {
      if (epoch.terms().length != lossTerms.size()) {
        throw new IllegalArgumentException(
            "epoch "
                + epoch.epoch()
                + " has "
                + epoch.terms().length
                + " loss terms, expected "
                + lossTerms.size());
      }
    }
  }

  /**
   * One epoch.
   *
   * @param terms value per loss term (NaN when not recorded)
   * @param validationLoss NaN when there was no validation split
   */
  public record Epoch(
      int epoch,
      double trainLoss,
      double[] terms,
      double validationLoss,
      double seconds,
      double imagesPerSecond) {
    public Epoch {
      terms = terms.clone();
    }

    @Override
    public double[] terms() {
      return terms.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Epoch e
          && e.epoch == epoch
          && Double.compare(e.trainLoss, trainLoss) == 0
          && java.util.Arrays.equals(e.terms, terms)
          && Double.compare(e.validationLoss, validationLoss) == 0
          && Double.compare(e.seconds, seconds) == 0
          && Double.compare(e.imagesPerSecond, imagesPerSecond) == 0;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(
          epoch,
          trainLoss,
          java.util.Arrays.hashCode(terms),
          validationLoss,
          seconds,
          imagesPerSecond);
    }

    @Override
    public String toString() {
      return "Epoch["
          + epoch
          + ", train "
          + trainLoss
          + ", terms "
          + java.util.Arrays.toString(terms)
          + ", validation "
          + validationLoss
          + ", "
          + seconds
          + " s, "
          + imagesPerSecond
          + " img/s]";
    }
  }
}
