package io.latentquery.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.latentquery.SettingException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of autoencoder {@code lq train --model} builds, each a recipe of parts: a latent head
 * and a list of loss terms on the shared encoder and decoder ({@link Autoencoder}). A new kind is
 * one constant here; the trainer and the exporter need no change.
 */
public enum ModelKind {
  /** Deterministic convolutional autoencoder with a binary cross-entropy reconstruction loss. */
  CONV("conv", Head.POINT, List.of(Term.RECONSTRUCTION)),
  /** Variational autoencoder: Gaussian posterior head, reparameterised sample, BCE + beta * KL. */
  VAE("vae", Head.GAUSSIAN, List.of(Term.RECONSTRUCTION, Term.GAUSSIAN_KL)),
  /** Parametric t-SNE autoencoder: linear head, BCE + w * KL(P||Q) over each batch. */
  TSNE("tsne", Head.POINT, List.of(Term.RECONSTRUCTION, Term.TSNE_KL)),
  /** Both: VAE head and sampling, BCE + beta * KL + w * KL(P||Q) with Q on the posterior means. */
  VTSNE("vtsne", Head.GAUSSIAN, List.of(Term.RECONSTRUCTION, Term.GAUSSIAN_KL, Term.TSNE_KL));

  /** The latent heads a kind may have. */
  enum Head {
    POINT(config -> new PointHead(config.latentDim())),
    GAUSSIAN(config -> new GaussianHead(config.latentDim()));

    private final Function<AutoencoderConfig, LatentHead> factory;

    Head(Function<AutoencoderConfig, LatentHead> factory) {
      this.factory = factory;
    }
  }

  /** The loss terms a kind may have, each built from the config's settings. */
  enum Term {
    RECONSTRUCTION(config -> new ReconstructionTerm()),
    GAUSSIAN_KL(GaussianKlTerm::of),
    TSNE_KL(TsneTerm::of);

    private final Function<AutoencoderConfig, LossTerm> factory;

    Term(Function<AutoencoderConfig, LossTerm> factory) {
      this.factory = factory;
    }
  }

  private final String id;
  private final Head head;
  private final List<Term> terms;

  ModelKind(String id, Head head, List<Term> terms) {
    this.id = id;
    this.head = head;
    this.terms = terms;
  }

  /** The name used on the command line and in settings.json, e.g. {@code conv}. */
  @JsonValue
  public String id() {
    return id;
  }

  /** Whether the encoder also exports {@code latent_logvar} (a posterior variance per example). */
  public boolean variational() {
    return head == Head.GAUSSIAN;
  }

  /**
   * Whether the loss has a t-SNE term, whose input-space affinities need batches larger than the
   * perplexity (see {@link AutoencoderConfig#minimumBatchSize()}).
   */
  public boolean tsne() {
    return terms.contains(Term.TSNE_KL);
  }

  /** A model of this kind with the given architecture and the settings of its terms. */
  public Autoencoder create(AutoencoderConfig config) {
    if (config.kind() != this) {
      throw new IllegalArgumentException(
          "a " + id + " model needs a " + id + " config, got " + config.kind());
    }
    return new Autoencoder(
        config,
        head.factory.apply(config),
        terms.stream().map(term -> term.factory.apply(config)).toList());
  }

  @JsonCreator
  public static ModelKind parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(kind -> kind.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new SettingException("model", "must be one of " + ids() + ", got '" + text + "'"));
  }

  public static String ids() {
    return Arrays.stream(values()).map(ModelKind::id).collect(Collectors.joining(", "));
  }

  /** The ids of the kinds for which {@code test} holds, e.g. "vae, vtsne". */
  static String ids(java.util.function.Predicate<ModelKind> test) {
    return Arrays.stream(values())
        .filter(test)
        .map(ModelKind::id)
        .collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
