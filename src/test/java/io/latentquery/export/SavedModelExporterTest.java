package io.latentquery.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.TestData;
import io.latentquery.contract.SavedModelContract;
import io.latentquery.data.Dataset;
import io.latentquery.inference.ModelGuard;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.Batch;
import io.latentquery.model.Tensors;
import io.latentquery.train.Seeds;
import io.latentquery.train.TrainingSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.types.TFloat32;

class SavedModelExporterTest {
  @TempDir static Path temp;

  static AutoencoderConfig config;
  static Dataset images;
  static Path checkpoint;
  static Map<String, float[]> trained;
  static float[] pixels;
  static Path export;

  /** Trains a few steps, keeps the live session's outputs on 8 images, and exports once. */
  @BeforeAll
  static void trainAndExport() throws IOException {
    images = TestData.mnistPool(64);
    config = AutoencoderConfig.preset("small", images.shape()).latentDim(3).build();
    checkpoint = temp.resolve("checkpoint/variables");
    pixels = images.batch(0, 8);
    try (TrainingSession session = new TrainingSession(config, 5, 1e-3, 2)) {
      session.initialize();
      for (int step = 1; step <= 5; step++) {
        session.train(
            new Batch(images.batch(0, 64), 64, images.shape(), true, Seeds.step(5, 1, step)));
      }
      Files.createDirectories(checkpoint.getParent());
      session.save(checkpoint);
      trained = session.outputs(new Batch(pixels, 8, images.shape(), false, Seeds.step(5, 0, 0)));
    }
    Path provenance = Files.writeString(temp.resolve("provenance.json"), "{}\n");
    export = temp.resolve("savedmodels/tiny");
    new SavedModelExporter()
        .export(new ExportSource(config, checkpoint, List.of(provenance)), export, false);
  }

  private static float[] call(
      String model, String input, float[] values, long[] shape, String output) {
    try (SavedModelBundle bundle =
        SavedModelBundle.load(export.resolve(model).toString(), SavedModelContract.TAG)) {
      Signature signature = bundle.function(SavedModelContract.SIGNATURE).signature();
      String in = signature.getInputs().get(input).name;
      String out = signature.getOutputs().get(output).name;
      try (TFloat32 tensor = Tensors.of(shape, values);
          Result result = bundle.session().runner().feed(in, tensor).fetch(out).run()) {
        return Tensors.read((TFloat32) result.get(0));
      }
    }
  }

  @Test
  void everyExportedModelPassesTheGuardWithItsSaverOps() throws IOException {
    for (String model :
        List.of(
            SavedModelContract.ENCODER_DIR,
            SavedModelContract.DECODER_DIR,
            SavedModelContract.AUTOENCODER_DIR)) {
      Path folder = export.resolve(model);
      assertEquals(java.util.Set.of(), ModelGuard.refusedOps(folder), model);
      String graph =
          new String(
              Files.readAllBytes(folder.resolve("saved_model.pb")),
              java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(graph.contains("RestoreV2"), model + " restores its variables through a saver");
    }
  }

  @Test
  void encoderOutputsEqualTheTrainingSession() {
    float[] latent =
        call(
            SavedModelContract.ENCODER_DIR,
            SavedModelContract.IMAGE,
            pixels,
            images.shape().batchShape(8),
            SavedModelContract.LATENT);
    assertEquals(8 * 3, latent.length);
    assertArrayEquals(trained.get(SavedModelContract.LATENT), latent, 1e-5f);
  }

  @Test
  void encoderLoadedInAFreshJvmGivesTheTrainingSessionsLatent() throws Exception {
    Path in = temp.resolve("fresh-jvm-images.bin");
    Path out = temp.resolve("fresh-jvm-latent.bin");
    try (java.io.DataOutputStream stream =
        new java.io.DataOutputStream(Files.newOutputStream(in))) {
      stream.writeInt(8);
      for (float v : pixels) {
        stream.writeFloat(v);
      }
    }
    String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(javaBinary, "-cp", System.getProperty("java.class.path")));
    String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
    if (cache != null) {
      command.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
    }
    command.addAll(
        List.of(
            EncodeInFreshJvm.class.getName(),
            export.resolve(SavedModelContract.ENCODER_DIR).toString(),
            "28",
            "28",
            "1",
            in.toString(),
            out.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), log);
    float[] latent;
    try (java.io.DataInputStream stream = new java.io.DataInputStream(Files.newInputStream(out))) {
      latent = new float[stream.readInt()];
      for (int i = 0; i < latent.length; i++) {
        latent[i] = stream.readFloat();
      }
    }
    assertArrayEquals(trained.get(SavedModelContract.LATENT), latent, 1e-5f);
  }

  @Test
  void autoencoderOutputsEqualTheTrainingSessionAndErrorIsMeanAbsolute() {
    long[] shape = images.shape().batchShape(8);
    float[] reconstruction =
        call(
            SavedModelContract.AUTOENCODER_DIR,
            SavedModelContract.IMAGE,
            pixels,
            shape,
            SavedModelContract.RECONSTRUCTION);
    assertArrayEquals(trained.get(SavedModelContract.RECONSTRUCTION), reconstruction, 1e-5f);
    float[] error =
        call(
            SavedModelContract.AUTOENCODER_DIR,
            SavedModelContract.IMAGE,
            pixels,
            shape,
            SavedModelContract.ERROR);
    assertEquals(8, error.length);
    int size = images.shape().size();
    for (int i = 0; i < 8; i++) {
      double sum = 0;
      for (int p = 0; p < size; p++) {
        sum += Math.abs(reconstruction[i * size + p] - pixels[i * size + p]);
      }
      assertEquals(sum / size, error[i], 1e-5);
    }
  }

  @Test
  void decoderOfTheLatentGivesTheReconstruction() {
    float[] image =
        call(
            SavedModelContract.DECODER_DIR,
            SavedModelContract.LATENT,
            trained.get(SavedModelContract.LATENT),
            new long[] {8, 3},
            SavedModelContract.IMAGE);
    assertArrayEquals(trained.get(SavedModelContract.RECONSTRUCTION), image, 1e-5f);
  }

  @Test
  void exportsHoldNoOptimizerState() throws IOException {
    List<String> variables = new ArrayList<>();
    try (SavedModelBundle bundle =
        SavedModelBundle.load(
            export.resolve(SavedModelContract.ENCODER_DIR).toString(), SavedModelContract.TAG)) {
      bundle
          .graph()
          .operations()
          .forEachRemaining(
              op -> {
                if (op.type().equals("VariableV2")) {
                  variables.add(op.name());
                }
              });
    }
    assertFalse(variables.isEmpty());
    assertTrue(
        variables.stream().allMatch(name -> name.startsWith("encoder/")), variables.toString());
    long exported = size(export.resolve(SavedModelContract.AUTOENCODER_DIR).resolve("variables"));
    long checkpointSize = size(checkpoint.getParent());
    // The checkpoint holds weights plus Adam's two moments: three times the weights.
    assertTrue(
        exported < checkpointSize / 2,
        "export " + exported + " bytes, checkpoint " + checkpointSize);
    assertTrue(Files.isRegularFile(export.resolve("provenance.json")));
  }

  @Test
  void existingExportIsReplacedOnlyWhenAsked() throws IOException {
    Path target = temp.resolve("savedmodels/again");
    ExportSource source = new ExportSource(config, checkpoint, List.of());
    new SavedModelExporter().export(source, target, false);
    var e =
        assertThrows(
            InputException.class, () -> new SavedModelExporter().export(source, target, false));
    assertEquals("export " + target + " exists; use --force to replace it", e.getMessage());
    new SavedModelExporter().export(source, target, true);
    assertTrue(
        Files.isRegularFile(
            target.resolve(SavedModelContract.DECODER_DIR).resolve("saved_model.pb")));
  }

  @Test
  void missingCheckpointIsNamed() {
    var e =
        assertThrows(
            InputException.class,
            () ->
                new SavedModelExporter()
                    .export(
                        new ExportSource(config, temp.resolve("nowhere/variables"), List.of()),
                        temp.resolve("x"),
                        false));
    assertTrue(e.getMessage().contains("nowhere/variables.index"), e.getMessage());
  }

  private static long size(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
