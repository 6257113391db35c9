package io.latentquery.eval;

import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.ModelKind;
import io.latentquery.model.loss.TsneSettings;
import io.latentquery.train.TrainSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a grid autoencoder that depart from its preset and from the training defaults, each
 * the counterpart of one {@code lq train} option and null where the preset's or the default value
 * stands: a grid can then evaluate an autoencoder tuned with {@code lq bench embedding}.
 *
 * @param filters filters of each convolution level ({@code --filters})
 * @param dense widths of the dense layers ({@code --dense})
 * @param batchSize training batch size ({@code --batch-size})
 * @param learningRate Adam's constant learning rate ({@code --learning-rate})
 * @param tsneWeight weight of KL(P||Q) of the t-SNE kinds ({@code --tsne-weight})
 * @param perplexity perplexity of the t-SNE kinds' affinities ({@code --perplexity})
 */
public record AutoencoderTuning(
    List<Integer> filters,
    List<Integer> dense,
    Integer batchSize,
    Double learningRate,
    Double tsneWeight,
    Double perplexity) {

  public AutoencoderTuning {
    filters =
        filters == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(filters));
    dense = dense == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(dense));
  }

  /**
   * What is wrong with these settings for an autoencoder of {@code kind} (null when the kind is
   * unknown), each problem prefixed with {@code at}; empty when nothing is.
   */
  public List<String> problems(String at, ModelKind kind) {
    List<String> problems = new ArrayList<>();
    widths(problems, at + ".filters", filters, false);
    widths(problems, at + ".dense", dense, true);
    if (batchSize != null && batchSize < 1) {
      problems.add(at + ".batchSize must be >= 1, got " + batchSize);
    }
    if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
      problems.add(at + ".learningRate must be a positive number, got " + learningRate);
    }
    if (tsneWeight != null && !(tsneWeight >= 0 && Double.isFinite(tsneWeight))) {
      problems.add(at + ".tsneWeight must be >= 0, got " + tsneWeight);
    }
    if (perplexity != null && !(perplexity > 1 && Double.isFinite(perplexity))) {
      problems.add(at + ".perplexity must be > 1, got " + perplexity);
    } else if (perplexity != null && batchSize != null && perplexity >= batchSize) {
      problems.add(
          at + ".perplexity must be smaller than batchSize " + batchSize + ", got " + perplexity);
    }
    if (kind != null && !kind.tsne()) {
      if (tsneWeight != null) {
        problems.add(at + ".tsneWeight applies only to the t-SNE kinds, not " + kind);
      }
      if (perplexity != null) {
        problems.add(at + ".perplexity applies only to the t-SNE kinds, not " + kind);
      }
    }
    return problems;
  }

  private static void widths(
      List<String> problems, String at, List<Integer> widths, boolean mayBeEmpty) {
    if (widths == null) {
      return;
    }
    if (widths.isEmpty() && !mayBeEmpty) {
      problems.add(at + " must name at least one width");
    }
    if (widths.stream().anyMatch(w -> w == null || w < 1)) {
      problems.add(at + " must be widths >= 1, got " + widths);
    }
  }

  /** {@code model} with the sizes and the t-SNE term given here. */
  public AutoencoderConfig.Builder applyTo(AutoencoderConfig.Builder model, ModelKind kind) {
    if (filters != null) {
      model.filters(filters);
    }
    if (dense != null) {
      model.denseWidths(dense);
    }
    if (kind.tsne() && (tsneWeight != null || perplexity != null)) {
      TsneSettings defaults = TsneSettings.defaults();
      model.tsne(
          new TsneSettings(
              Objects.requireNonNullElse(perplexity, defaults.perplexity()),
              defaults.degreesOfFreedom(),
              Objects.requireNonNullElse(tsneWeight, defaults.weight())));
    }
    return model;
  }

  /** {@code training} with the batch size and learning rate given here. */
  public TrainSettings.Builder applyTo(TrainSettings.Builder training) {
    if (batchSize != null) {
      training.batchSize(batchSize);
    }
    if (learningRate != null) {
      training.learningRate(learningRate);
    }
    return training;
  }
}
