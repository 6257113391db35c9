package io.latentquery.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.TestData;
import io.latentquery.contract.SavedModelContract;
import io.latentquery.data.Dataset;
import io.latentquery.export.TinyConvExport;
import io.latentquery.model.AutoencoderConfig;
import io.latentquery.model.ModelContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The transfer recipe: a classifier starts from exactly the exported encoder's convolutions. */
class TransferTest {
  @TempDir static Path temp;
  static AutoencoderConfig config;
  static Path encoder;

  @BeforeAll
  static void trainAndExport() throws IOException {
    config = TinyConvExport.config();
    encoder = TinyConvExport.encoder(temp);
  }

  /** The encoder's kernels and biases by the names training gave them, in order. */
  private static List<float[]> savedWeights() {
    List<float[]> weights = new ArrayList<>();
    try (SavedModelBundle bundle =
        SavedModelBundle.load(encoder.toString(), SavedModelContract.TAG)) {
      for (int level = 1; level <= config.levels(); level++) {
        for (int c = 1; c <= config.convolutionsPerLevel(); c++) {
          for (String part : List.of("kernel", "bias")) {
            String name = "encoder/level" + level + "/conv" + c + "/" + part;
            try (Result result = bundle.session().runner().fetch(name).run()) {
              weights.add(read((TFloat32) result.get(0)));
            }
          }
        }
      }
    }
    return weights;
  }

  private static float[] read(TFloat32 tensor) {
    float[] values = new float[Math.toIntExact(tensor.shape().size())];
    tensor.copyTo(DataBuffers.of(values, false, false));
    return values;
  }

  @Test
  void theEncoderConvolutionsAreReadWithTheirLevels() {
    EncoderConvolutions convolutions = EncoderConvolutions.read(encoder);
    assertEquals(config.levels(), convolutions.levels().size());
    ClassifierArchitecture architecture = convolutions.architecture(DenseLayers.of(32), 1);
    assertEquals(config.filters(), architecture.filters());
    assertEquals(2, architecture.convsPerLevel());
    assertEquals(DenseLayers.of(32), architecture.dense());
    List<float[]> saved = savedWeights();
    List<EncoderConvolutions.Convolution> all = convolutions.all();
    assertEquals(saved.size(), 2 * all.size());
    for (int i = 0; i < all.size(); i++) {
      assertArrayEquals(saved.get(2 * i), all.get(i).kernel(), all.get(i).name());
      assertArrayEquals(saved.get(2 * i + 1), all.get(i).bias(), all.get(i).name());
    }
  }

  @Test
  void theClassifierStartsFromExactlyTheEncodersWeights() {
    EncoderConvolutions convolutions = EncoderConvolutions.read(encoder);
    ClassifierArchitecture architecture = convolutions.architecture(DenseLayers.of(16), 1);
    List<float[]> saved = savedWeights();
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> images =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1)));
      ModelContext context = ModelContext.training(3);
      new ClassifierNetwork(architecture, 10)
          .logits(tf.withSubScope("classifier"), context, images);
      ConvolutionTransfer transfer =
          ConvolutionTransfer.prepare(tf, context.variables(), convolutions);
      session.initialize();
      transfer.load(session);
      int k = 0;
      for (int level = 0; level < config.levels(); level++) {
        for (int c = 0; c < 2; c++) {
          for (String part : List.of("kernel", "bias")) {
            String name = "classifier/conv" + level + "_" + c + "/" + part;
            try (Result result = session.runner().fetch(name).run()) {
              assertArrayEquals(saved.get(k++), read((TFloat32) result.get(0)), name);
            }
          }
        }
      }
      assertEquals(saved.size(), k);
    }
  }

  @Test
  void aClassifierFineTunesFromTheEncoder() {
    Dataset pool = TestData.mnistPool(100);
    Dataset test = TestData.mnistTest(50);
    ClassifierSettings settings =
        new ClassifierSettings(ClassifierArchitecture.small(), 5, 16, 1e-3f, 1, 1);
    ClassifierEvaluator evaluator =
        new ClassifierEvaluator(settings, null, EncoderConvolutions.read(encoder));
    assertEquals(config.filters(), evaluator.architecture(1).filters());
    EvaluationResult result =
        evaluator.evaluate(pool, IntStream.range(0, 40).toArray(), test, null);
    assertEquals(40, result.budget());
    assertTrue(Double.isFinite(result.finalLoss()));
  }

  @Test
  void namesSortWithNumbersAsNumbers() {
    assertTrue(EncoderConvolutions.natural("encoder/level2/conv1", "encoder/level10/conv1") < 0);
    assertTrue(EncoderConvolutions.natural("encoder/level1/conv2", "encoder/level1/conv1") > 0);
    assertTrue(EncoderConvolutions.natural("a/b", "a/b/c") < 0);
  }
}
