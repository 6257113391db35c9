package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latentquery.data.ImageShape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class AutoencoderCompositionTest {
  private static final ImageShape MNIST = new ImageShape(28, 28, 1);

  private static AutoencoderConfig config(ModelKind kind) {
    return AutoencoderConfig.preset("small", MNIST).kind(kind).build();
  }

  @Test
  void eachKindIsItsHeadAndTerms() {
    for (ModelKind kind : ModelKind.values()) {
      Autoencoder model = kind.create(config(kind));
      assertEquals(kind.variational(), model.head().variational(), kind.id());
      Class<?> head = kind.variational() ? GaussianHead.class : PointHead.class;
      assertEquals(head, model.head().getClass(), kind.id());
      List<String> names = model.terms().stream().map(LossTerm::name).toList();
      assertEquals(ReconstructionTerm.NAME, names.get(0), kind.id());
      assertEquals(kind.variational(), names.contains(GaussianKlTerm.NAME), kind.id());
      assertEquals(kind.tsne(), names.contains(TsneTerm.NAME), kind.id());
    }
    assertEquals(
        List.of("reconstruction", "kl", "tsne"),
        ModelKind.VTSNE.create(config(ModelKind.VTSNE)).terms().stream()
            .map(LossTerm::name)
            .toList());
  }

  @Test
  void aKindRefusesAnotherKindsConfig() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> ModelKind.VAE.create(config(ModelKind.CONV)));
    assertEquals("a vae model needs a vae config, got conv", e.getMessage());
  }

  @Test
  void termsMustBePresentAndDistinct() {
    AutoencoderConfig config = config(ModelKind.CONV);
    PointHead head = new PointHead(2);
    var none =
        assertThrows(
            IllegalArgumentException.class, () -> new Autoencoder(config, head, List.of()));
    assertEquals("an autoencoder needs at least one loss term", none.getMessage());
    var twice =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Autoencoder(
                    config, head, List.of(new ReconstructionTerm(), new ReconstructionTerm())));
    assertEquals("loss term names must be distinct, got reconstruction twice", twice.getMessage());
  }

  @Test
  void aKlTermOnAPointHeadNamesTheMissingOutput() {
    AutoencoderConfig config = config(ModelKind.CONV);
    Autoencoder model =
        new Autoencoder(
            config,
            new PointHead(config.latentDim()),
            List.of(new ReconstructionTerm(), new GaussianKlTerm(0.5)));
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1)));
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () -> model.training(tf, ModelContext.training(1), images));
      assertEquals(
          "this loss term needs the encoder output latent_logvar, but the head gives only [latent]",
          e.getMessage());
    }
  }
}
