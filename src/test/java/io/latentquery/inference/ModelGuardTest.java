package io.latentquery.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class ModelGuardTest {
  private static final ImageShape SHAPE = new ImageShape(3, 2, 1);

  @TempDir Path dir;

  @Test
  void refusesAModelThatReadsAFileWithOneLineNamingTheOpAndThePath() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "hello");
    Path model =
        TinySavedModels.fileReadingEncoder(
            dir.resolve("reader"), 3, 2, 1, TinySavedModels.matrix(6, 2), secret);
    InputException e =
        assertThrows(
            InputException.class,
            () -> SavedModelEncoder.open(model, SignatureSpec.encoder(), 1).close());
    assertEquals(
        "SavedModel "
            + model
            + " runs ops that can reach files or the system: ReadFile, StringLength"
            + " (give --trust-model to run it anyway)",
        e.getMessage());
  }

  @Test
  void aTrustedModelThatReadsAFileRunsAndReallyReadsIt() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "hello");
    float[][] matrix = TinySavedModels.matrix(6, 2);
    Path model = TinySavedModels.fileReadingEncoder(dir.resolve("reader"), 3, 2, 1, matrix, secret);
    Dataset data = SavedModelEncoderTest.tinyData(SHAPE, 2);
    Encodings encodings;
    try (SavedModelEncoder encoder =
        SavedModelEncoder.open(model, SignatureSpec.encoder().trusted(true), 1)) {
      encodings = encoder.encode(data, 2, done -> {});
    }
    float[] image = data.image(1);
    float expected = "hello".length();
    for (int p = 0; p < image.length; p++) {
      expected += image[p] * matrix[p][0];
    }
    assertEquals(expected, encodings.point(1)[0], 1e-5, "the latent adds the file's length");
  }

  @Test
  void refusesAModelThatWritesAFileBeforeAnythingRunsAndTrustRunsIt() throws IOException {
    Path target = dir.resolve("written.txt");
    Path model =
        TinySavedModels.fileWritingEncoder(
            dir.resolve("writer"), 3, 2, 1, TinySavedModels.matrix(6, 2), target, "pwned");
    Dataset data = SavedModelEncoderTest.tinyData(SHAPE, 3);
    InputException e =
        assertThrows(
            InputException.class,
            () -> SavedModelEncoder.open(model, SignatureSpec.encoder(), 1).close());
    assertEquals(
        "SavedModel "
            + model
            + " runs ops that can reach files or the system: WriteFile"
            + " (give --trust-model to run it anyway)",
        e.getMessage());
    assertFalse(Files.exists(target));
    try (SavedModelEncoder encoder =
        SavedModelEncoder.open(model, SignatureSpec.encoder().trusted(true), 1)) {
      assertEquals(3, encoder.encode(data, 3, done -> {}).count());
    }
    assertEquals("pwned", Files.readString(target), "a trusted model runs all its ops");
  }

  @Test
  void refusesCheckpointAndFileListingOpsOutsideTheSaverScope() throws IOException {
    Path model = dir.resolve("lister");
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> image =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3, 2, 1)));
      tf.io.matchingFiles(tf.constant(dir.resolve("*").toString()));
      tf.train.restore(
          tf.constant(dir.resolve("elsewhere").toString()),
          tf.array("x"),
          tf.array(""),
          java.util.List.<Class<? extends org.tensorflow.types.family.TType>>of(TFloat32.class));
      tf.withSubScope("save").io.readFile(tf.constant("/etc/hostname"));
      try (Session session = new Session(graph)) {
        SavedModelBundle.exporter(model.toString())
            .withSession(session)
            .withSignature(
                Signature.builder()
                    .key("serving_default")
                    .input("image", image)
                    .output("latent", tf.reshape(image, tf.constant(new long[] {-1, 6})))
                    .build())
            .export();
      }
    }
    assertEquals(Set.of("MatchingFiles", "ReadFile", "RestoreV2"), ModelGuard.refusedOps(model));
  }

  @Test
  void passesModelsOfPureArithmeticWithTheirSaver() throws IOException {
    float[][] matrix = TinySavedModels.matrix(6, 2);
    Path encoder = TinySavedModels.linearEncoder(dir.resolve("enc"), 3, 2, 1, matrix);
    Path decoder =
        TinySavedModels.linearDecoder(dir.resolve("dec"), 3, 2, 1, TinySavedModels.matrix(2, 6));
    Path autoencoder = TinySavedModels.scalingAutoencoder(dir.resolve("ae"), 3, 2, 1, 0.5f, true);
    for (Path model : new Path[] {encoder, decoder, autoencoder}) {
      assertEquals(Set.of(), ModelGuard.refusedOps(model), model.toString());
    }
  }

  @Test
  void aCorruptGraphFileIsOneLineNamingTheFolder() throws IOException {
    Path model = Files.createDirectories(dir.resolve("junk"));
    Files.write(model.resolve("saved_model.pb"), new byte[] {(byte) 0xff, 1, 2, 3, 4});
    InputException e = assertThrows(InputException.class, () -> ModelGuard.check(model));
    assertTrue(e.getMessage().startsWith("cannot read SavedModel " + model + ": "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
