package io.latentquery.cli;

import io.latentquery.model.ModelKind;
import io.latentquery.model.loss.TsneSettings;
import io.latentquery.model.loss.VariationalSettings;
import picocli.CommandLine.Option;

/**
 * The loss options of the variational and t-SNE kinds, shared by every command that trains an
 * autoencoder: --beta, --perplexity, --dof and --tsne-weight, unset meaning the kind's default.
 */
public final class LossOptions {
  @Option(
      names = "--beta",
      paramLabel = "BETA",
      description =
          "vae, vtsne: weight of KL(posterior || N(0, I)) against the reconstruction, applied as "
              + "beta / (H*W*C) because the cross-entropy is a mean over pixels; this equals summed cross-entropy "
              + "+ beta * KL, divided by H*W*C. 1 is the ELBO, 0 turns the term off (default: 1).")
  Double beta;

  @Option(
      names = "--perplexity",
      paramLabel = "P",
      description =
          "tsne, vtsne: effective number of neighbours per image in each batch's affinities; "
              + "must be > 1 and smaller than --batch-size (default: 30).")
  Double perplexity;

  @Option(
      names = "--dof",
      paramLabel = "A",
      description =
          "tsne, vtsne: degrees of freedom of the Student-t kernel in the latent space, > 0 "
              + "(default: "
              + TsneSettings.DEFAULT_DEGREES_OF_FREEDOM
              + ", the t-SNE kernel).")
  @Sets("degreesOfFreedom")
  Double dof;

  @Option(
      names = "--tsne-weight",
      paramLabel = "W",
      description =
          "tsne, vtsne: weight w of KL(P||Q) added to the mean pixel cross-entropy, >= 0 (default: "
              + TsneSettings.DEFAULT_WEIGHT
              + ").")
  @Sets("weight")
  Double tsneWeight;

  /** The variational settings for {@code kind}: null for a deterministic kind or the defaults. */
  public VariationalSettings variational(ModelKind kind) {
    return variational(kind, null);
  }

  /**
   * The variational settings for {@code kind}, {@code base} where --beta is not given: null for a
   * deterministic kind.
   */
  public VariationalSettings variational(ModelKind kind, VariationalSettings base) {
    if (!kind.variational()) {
      return null;
    }
    return beta != null ? new VariationalSettings(beta) : base;
  }

  /** The t-SNE settings for {@code kind}: null for a kind without the t-SNE term. */
  public TsneSettings tsne(ModelKind kind) {
    return tsne(kind, TsneSettings.defaults());
  }

  /**
   * The t-SNE settings for {@code kind}, each value from {@code base} (the defaults when null)
   * where its option is not given: null for a kind without the t-SNE term.
   */
  public TsneSettings tsne(ModelKind kind, TsneSettings base) {
    if (!kind.tsne()) {
      return null;
    }
    TsneSettings unset = base != null ? base : TsneSettings.defaults();
    return new TsneSettings(
        perplexity != null ? perplexity : unset.perplexity(),
        dof != null ? dof : unset.degreesOfFreedom(),
        tsneWeight != null ? tsneWeight : unset.weight());
  }

  /**
   * Refuses options that {@code kind} does not use: a usage error rather than an option silently
   * without effect.
   */
  public void refuseUnusedBy(ModelKind kind) {
    if (!kind.variational() && beta != null) {
      throw new IllegalArgumentException(
          "--beta applies only to --model vae or vtsne, not " + kind);
    }
    if (!kind.tsne()) {
      refuse(kind, "--perplexity", perplexity);
      refuse(kind, "--dof", dof);
      refuse(kind, "--tsne-weight", tsneWeight);
    }
  }

  private static void refuse(ModelKind kind, String option, Double value) {
    if (value != null) {
      throw new IllegalArgumentException(
          option + " applies only to --model tsne or vtsne, not " + kind);
    }
  }
}
