package io.latentquery.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.data.ByteImageDataset;
import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelEncoderTest {
  private static final ImageShape SHAPE = new ImageShape(3, 2, 1);

  @TempDir Path dir;

  /** Seven images with distinct pixels; labels 0,1,2,0,1,2,0. */
  static Dataset tinyData(ImageShape shape, int count) {
    byte[] pixels = new byte[count * shape.size()];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) ((i * 37 + 11) % 256);
    }
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 3;
    }
    return new ByteImageDataset(
        "tiny", shape, pixels, labels, List.of("a", "b", "c"), i -> "img" + i, "sum");
  }

  @Test
  void encodesEveryBatchAsAJavaMatrixProductWould() throws IOException {
    float[][] matrix = TinySavedModels.matrix(SHAPE.size(), 2);
    Path model = TinySavedModels.linearEncoder(dir.resolve("enc"), 3, 2, 1, matrix);
    Dataset data = tinyData(SHAPE, 7);
    List<Integer> progress = new ArrayList<>();
    Encodings encodings;
    try (SavedModelEncoder encoder = SavedModelEncoder.open(model, SignatureSpec.encoder(), 1)) {
      assertEquals(2, encoder.latentDim());
      encodings = encoder.encode(data, 3, progress::add);
    }
    assertEquals(List.of(3, 6, 7), progress, "batches of 3, the last one short");
    assertEquals(7, encodings.count());
    assertEquals(2, encodings.dim());
    for (int i = 0; i < 7; i++) {
      float[] image = data.image(i);
      for (int l = 0; l < 2; l++) {
        float expected = 0;
        for (int p = 0; p < image.length; p++) {
          expected += image[p] * matrix[p][l];
        }
        assertEquals(expected, encodings.point(i)[l], 1e-5, "example " + i + " coordinate " + l);
      }
      assertEquals("img" + i, encodings.id(i));
      assertEquals(List.of("a", "b", "c").get(i % 3), encodings.label(i));
    }
  }

  @Test
  void readsOtherSignatureAndTensorNamesWhenTold() throws IOException {
    float[][] matrix = TinySavedModels.matrix(SHAPE.size(), 3);
    Path model =
        TinySavedModels.linearEncoder(dir.resolve("enc"), 3, 2, 1, matrix, "embed", "pixels", "z");
    try (SavedModelEncoder encoder =
        SavedModelEncoder.open(model, new SignatureSpec("embed", "pixels", "z"), 1)) {
      assertEquals(3, encoder.latentDim());
      float[] z = encoder.encode(tinyData(SHAPE, 1).image(0), 1, SHAPE);
      assertEquals(3, z.length);
    }
  }

  @Test
  void refusesAnUnknownSignatureNamingTheOnesThereAre() throws IOException {
    Path model =
        TinySavedModels.linearEncoder(dir.resolve("enc"), 3, 2, 1, TinySavedModels.matrix(6, 2));
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                SavedModelEncoder.open(
                    model, SignatureSpec.encoder().with("predict", null, null), 1));
    assertTrue(e.getMessage().contains("no signature 'predict'"), e.getMessage());
    assertTrue(e.getMessage().contains("serving_default"), e.getMessage());
    InputException input =
        assertThrows(
            InputException.class,
            () -> SavedModelEncoder.open(model, SignatureSpec.encoder().with(null, "x", null), 1));
    assertTrue(
        input.getMessage().contains("no input 'x'") && input.getMessage().contains("image"),
        input.getMessage());
  }

  @Test
  void refusesImagesOfAnotherShapeNamingBothShapes() throws IOException {
    Path model =
        TinySavedModels.linearEncoder(dir.resolve("enc"), 3, 2, 1, TinySavedModels.matrix(6, 2));
    try (SavedModelEncoder encoder = SavedModelEncoder.open(model)) {
      Dataset wrong = tinyData(new ImageShape(2, 3, 1), 2);
      InputException e =
          assertThrows(InputException.class, () -> encoder.encode(wrong, 8, done -> {}));
      assertTrue(e.getMessage().contains("[-1, 3, 2, 1]"), e.getMessage());
      assertTrue(e.getMessage().contains("[-1, 2, 3, 1]"), e.getMessage());
    }
  }

  @Test
  void refusesAnOutputThatIsNotOneVectorPerExample() throws IOException {
    Path model = TinySavedModels.identity(dir.resolve("id"), 3, 2, 1);
    InputException e = assertThrows(InputException.class, () -> SavedModelEncoder.open(model));
    assertTrue(
        e.getMessage().contains("[-1, 3, 2, 1]") && e.getMessage().contains("expected [-1, L]"),
        e.getMessage());
  }

  @Test
  void refusesMissingFoldersAndFoldersThatAreNotSavedModels() throws IOException {
    Path missing = dir.resolve("nothing");
    InputException e = assertThrows(InputException.class, () -> SavedModelEncoder.open(missing));
    assertEquals("missing SavedModel folder: " + missing, e.getMessage());
    Path plain = Files.createDirectories(dir.resolve("plain"));
    InputException notModel =
        assertThrows(InputException.class, () -> SavedModelEncoder.open(plain));
    assertTrue(
        notModel.getMessage().startsWith(plain + " is not a SavedModel folder"),
        notModel.getMessage());
  }

  @Test
  void autoencoderErrorsAreMeasuredFromImageAndReconstructionWithOrWithoutAnErrorOutput()
      throws IOException {
    Dataset data = tinyData(SHAPE, 5);
    for (boolean withError : new boolean[] {true, false}) {
      Path model =
          TinySavedModels.scalingAutoencoder(
              dir.resolve("ae" + withError), 3, 2, 1, 0.5f, withError);
      try (SavedModelAutoencoder autoencoder =
          SavedModelAutoencoder.open(model, SignatureSpec.autoencoder(), 1)) {
        assertEquals(withError, autoencoder.hasErrorOutput());
        double[] l1 = autoencoder.errors(data, 2, ReconstructionError.L1, done -> {});
        double[] bce = autoencoder.errors(data, 2, done -> {});
        for (int i = 0; i < 5; i++) {
          float[] image = data.image(i);
          double absolute = 0;
          double crossEntropy = 0;
          for (float v : image) {
            // Pixels lie in [0.04, 0.95] here, so the half-scale reconstruction is never clipped.
            absolute += Math.abs(v - 0.5f * v);
            crossEntropy -= v * Math.log(0.5 * v) + (1 - v) * Math.log(1 - 0.5 * v);
          }
          assertEquals(absolute / image.length, l1[i], 1e-6, "l1 of example " + i);
          assertEquals(crossEntropy / image.length, bce[i], 1e-6, "bce of example " + i);
        }
        SavedModelAutoencoder.Reconstruction r = autoencoder.reconstruct(data.image(1), 1, SHAPE);
        float[] half = data.image(1);
        for (int p = 0; p < half.length; p++) {
          half[p] *= 0.5f;
        }
        assertArrayEquals(half, r.images(), 1e-6f);
      }
    }
  }

  @Test
  void decoderMapsLatentsToImages() throws IOException {
    float[][] matrix = TinySavedModels.matrix(2, SHAPE.size());
    Path model = TinySavedModels.linearDecoder(dir.resolve("dec"), 3, 2, 1, matrix);
    try (SavedModelDecoder decoder = SavedModelDecoder.open(model)) {
      assertEquals(2, decoder.latentDim());
      assertEquals(SHAPE, decoder.imageShape());
      float[] images = decoder.decode(new double[] {1, 0, 0.5, 2}, 2);
      assertEquals(12, images.length);
      for (int p = 0; p < 6; p++) {
        assertEquals(matrix[0][p], images[p], 1e-6);
        assertEquals(0.5f * matrix[0][p] + 2 * matrix[1][p], images[6 + p], 1e-6);
      }
    }
  }
}
