package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.latentquery.contract.SavedModelContract;
import io.latentquery.data.ImageShape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The names a kind's graphs are known by outside the model code, compared with a snapshot taken
 * from the released model classes: variables (a checkpoint restores by name, and their creation
 * order fixes the seeded initial values), the per-batch feeds (their order fixes which random draws
 * go where), the loss terms (metrics.csv columns, in order), the training outputs, every op of the
 * training graph outside the {@code loss} scope, and every op of the encoder, decoder and
 * autoencoder graphs as the exporter builds them (what a SavedModel holds). A change here breaks
 * existing checkpoints or SavedModels. On a mismatch the names found are written to
 * target/graph-names/KIND.txt.
 */
class GraphNamesSnapshotTest {

  /** Every kind of layer and scope: three levels (pools, up-convolutions), two dense layers. */
  private static AutoencoderConfig config(ModelKind kind) {
    return AutoencoderConfig.builder()
        .kind(kind)
        .input(new ImageShape(28, 28, 1))
        .latentDim(3)
        .filters(List.of(8, 8, 8))
        .convolutionsPerLevel(2)
        .denseWidths(List.of(16, 16))
        .dropout(0.5)
        .build();
  }

  @ParameterizedTest
  @EnumSource(ModelKind.class)
  void namesMatchTheSnapshot(ModelKind kind) throws IOException {
    List<String> actual = names(config(kind));
    Path written = Path.of("target", "graph-names", kind.id() + ".txt");
    Files.createDirectories(written.getParent());
    Files.write(written, actual);
    assertEquals(snapshot(kind), actual, "names of " + kind + " (found: " + written + ")");
  }

  private static List<String> snapshot(ModelKind kind) {
    String resource = "graph-names/" + kind.id() + ".txt";
    try (InputStream in = GraphNamesSnapshotTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, "missing snapshot " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> names(AutoencoderConfig config) {
    AutoencoderModel model = config.kind().create(config);
    List<String> lines = new ArrayList<>();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      ModelContext context = ModelContext.training(1);
      TrainingGraph training = model.training(tf, context, imageInput(tf, config));
      lines.add("# variables, in creation order");
      for (Variable<TFloat32> variable : context.variables()) {
        lines.add(variable.op().name() + " " + variable.shape());
      }
      lines.add("# feeds, in creation order");
      context.feeds().keySet().forEach(p -> lines.add(p.op().name()));
      lines.add("# loss terms");
      training.lossTerms().forEach((name, op) -> lines.add(name + " " + output(op)));
      lines.add("# training outputs, sorted");
      List<String> outputs = new ArrayList<>();
      training.outputs().forEach((name, op) -> outputs.add(name + " " + output(op)));
      outputs.sort(null);
      lines.addAll(outputs);
      lines.add("# training graph ops outside the loss scope");
      lines.addAll(operations(graph, "loss/"));
    }
    lines.add("# encoder graph");
    lines.addAll(
        inference(
            (tf, context) -> {
              Placeholder<TFloat32> image = imageInput(tf, config);
              for (Map.Entry<String, Operand<TFloat32>> output :
                  model.encode(tf, context, image).entrySet()) {
                tf.withName(output.getKey()).identity(output.getValue());
              }
            }));
    lines.add("# decoder graph");
    lines.addAll(
        inference(
            (tf, context) -> {
              Placeholder<TFloat32> latent =
                  tf.withName(SavedModelContract.LATENT)
                      .placeholder(
                          TFloat32.class, Placeholder.shape(Shape.of(-1, config.latentDim())));
              tf.withName(SavedModelContract.IMAGE).identity(model.decode(tf, context, latent));
            }));
    lines.add("# autoencoder graph");
    lines.addAll(
        inference(
            (tf, context) -> {
              Operand<TFloat32> latent =
                  model.encode(tf, context, imageInput(tf, config)).get(SavedModelContract.LATENT);
              tf.withName(SavedModelContract.RECONSTRUCTION)
                  .identity(model.decode(tf, context, latent));
            }));
    return lines;
  }

  private interface Builder {
    void build(Ops tf, ModelContext context);
  }

  private static List<String> inference(Builder builder) {
    try (Graph graph = new Graph()) {
      builder.build(Ops.create(graph), ModelContext.inference());
      return operations(graph, null);
    }
  }

  private static Placeholder<TFloat32> imageInput(Ops tf, AutoencoderConfig config) {
    ImageShape shape = config.input();
    return tf.withName(SavedModelContract.IMAGE)
        .placeholder(
            TFloat32.class,
            Placeholder.shape(Shape.of(-1, shape.height(), shape.width(), shape.channels())));
  }

  private static String output(Operand<TFloat32> operand) {
    Output<TFloat32> output = operand.asOutput();
    return output.op().name() + ":" + output.index();
  }

  /** "name type" of every op, sorted by name; ops under {@code skipped} are left out. */
  private static List<String> operations(Graph graph, String skipped) {
    List<String> ops = new ArrayList<>();
    Iterator<GraphOperation> all = graph.operations();
    while (all.hasNext()) {
      GraphOperation op = all.next();
      if (skipped == null || !op.name().startsWith(skipped)) {
        ops.add(op.name() + " " + op.type());
      }
    }
    ops.sort(null);
    return ops;
  }
}
