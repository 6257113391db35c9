package io.latentquery.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.latentquery.SettingException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of autoencoder {@code lq train --model} builds. A new kind is one constant here and one
 * small final {@link AutoencoderModel} class built from the shared encoder, decoder and head
 * pieces; the trainer and the exporter need no change.
 */
public enum ModelKind {
  /** Deterministic convolutional autoencoder with a binary cross-entropy reconstruction loss. */
  CONV("conv", false, false, ConvAutoencoder::new),
  /** Variational autoencoder: Gaussian posterior head, reparameterised sample, BCE + beta * KL. */
  VAE("vae", true, false, VariationalAutoencoder::new),
  /** Parametric t-SNE autoencoder: linear head, BCE + w * KL(P||Q) over each batch. */
  TSNE("tsne", false, true, TsneAutoencoder::new),
  /** Both: VAE head and sampling, BCE + beta * KL + w * KL(P||Q) with Q on the posterior means. */
  VTSNE("vtsne", true, true, VariationalTsneAutoencoder::new);

  private final String id;
  private final boolean variational;
  private final boolean tsne;
  private final Function<AutoencoderConfig, AutoencoderModel> factory;

  ModelKind(
      String id,
      boolean variational,
      boolean tsne,
      Function<AutoencoderConfig, AutoencoderModel> factory) {
    this.id = id;
    this.variational = variational;
    this.tsne = tsne;
    this.factory = factory;
  }

  /** The name used on the command line and in settings.json, e.g. {@code conv}. */
  @JsonValue
  public String id() {
    return id;
  }

  /** Whether the encoder also exports {@code latent_logvar} (a posterior variance per example). */
  public boolean variational() {
    return variational;
  }

  /**
   * Whether the loss has a t-SNE term, whose input-space affinities need batches larger than the
   * perplexity (see {@link AutoencoderConfig#minimumBatchSize()}).
   */
  public boolean tsne() {
    return tsne;
  }

  /** A model of this kind with the given architecture. */
  public AutoencoderModel create(AutoencoderConfig config) {
    return factory.apply(config);
  }

  @JsonCreator
  public static ModelKind parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(kind -> kind.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new SettingException(
                    "model", "must be one of " + ids() + ", got '" + text + "'"));
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
