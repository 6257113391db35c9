package io.latentquery.eval;

import io.latentquery.InputException;
import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import io.latentquery.model.Batch;
import io.latentquery.model.ModelContext;
import io.latentquery.train.AdamOptimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The method's evaluation protocol for one selection: trains a fresh classifier with softmax
 * cross-entropy on only the selected, labeled pool examples for a fixed number of steps, then
 * measures its accuracy on the test split. Seeded: the same selection, data and settings give the
 * same result when run with one thread. Built from the autoencoder's layers and initialiser and
 * trained with the trainer's {@link AdamOptimizer}, which waits for every gradient before any
 * update, so a run is bit-reproducible.
 */
public final class ClassifierEvaluator {
  private static final Logger LOG = LogManager.getLogger(ClassifierEvaluator.class);
  private static final int TEST_BATCH = 500;

  private final ClassifierSettings settings;
  private final Augmentation augmentation;
  private final EncoderConvolutions transfer;

  public ClassifierEvaluator(ClassifierSettings settings) {
    this(settings, null, null);
  }

  /**
   * @param augmentation random changes of every training image ({@link Recipe#augment()}), or null
   * @param transfer an encoder whose convolutions the classifier copies and starts from ({@link
   *     Recipe#transfer()}; its dense layers are those of the settings), or null
   */
  public ClassifierEvaluator(
      ClassifierSettings settings, Augmentation augmentation, EncoderConvolutions transfer) {
    this.settings = settings;
    this.augmentation = augmentation;
    this.transfer = transfer;
  }

  /** The network trained: the settings' own, or the encoder's convolutions and its dense layers. */
  public ClassifierArchitecture architecture(int imageChannels) {
    return transfer == null
        ? settings.architecture()
        : transfer.architecture(settings.architecture().dense(), imageChannels);
  }

  /**
   * Trains on {@code pool} examples {@code selected} (with their labels) and tests on every example
   * of {@code test}.
   */
  public EvaluationResult evaluate(Dataset pool, int[] selected, Dataset test) {
    return evaluate(pool, selected, test, null);
  }

  /**
   * Trains on {@code pool} examples {@code selected} (with their labels) and, when {@code pseudo}
   * is not null, on its examples with their spread labels weighted by confidence (each batch half
   * and half); tests on every example of {@code test}.
   */
  public EvaluationResult evaluate(
      Dataset pool, int[] selected, Dataset test, PseudoLabels pseudo) {
    if (!pool.hasLabels()) {
      throw new InputException("cannot evaluate on " + pool.name() + ": it has no labels");
    }
    if (!test.hasLabels()) {
      throw new InputException("cannot evaluate on " + test.name() + ": it has no labels");
    }
    if (!pool.shape().equals(test.shape())) {
      throw new InputException(
          "pool images are " + pool.shape() + " but test images are " + test.shape());
    }
    if (selected.length == 0) {
      throw new IllegalArgumentException("the selection is empty");
    }
    int numClasses = Math.max(2, Math.max(pool.numClasses(), test.numClasses()));
    int[] trainLabels = new int[selected.length];
    for (int i = 0; i < selected.length; i++) {
      trainLabels[i] = pool.label(selected[i]);
    }
    SelectionBalance balance = SelectionBalance.of(trainLabels, numClasses);
    ImageShape shape = pool.shape();
    ConfigProto config =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(settings.threads())
            .setInterOpParallelismThreads(1)
            .build();
    try (Graph graph = new Graph();
        Session session = new Session(graph, config)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> images =
          tf.withName("images")
              .placeholder(
                  TFloat32.class,
                  Placeholder.shape(Shape.of(-1, shape.height(), shape.width(), shape.channels())));
      Placeholder<TInt32> labels =
          tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      ModelContext context = ModelContext.training(settings.seed());
      Operand<TFloat32> logits =
          new ClassifierNetwork(architecture(shape.channels()), numClasses)
              .logits(tf.withSubScope("classifier"), context, images);
      ConvolutionTransfer start =
          transfer == null ? null : ConvolutionTransfer.prepare(tf, context.variables(), transfer);
      Placeholder<TFloat32> weights =
          pseudo == null
              ? null
              : tf.withName("weights").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
      Operand<TFloat32> loss =
          pseudo == null
              ? new SoftmaxCrossEntropy(numClasses).call(tf, labels, logits)
              : new SoftmaxCrossEntropy(numClasses).call(tf, labels, logits, weights);
      Op train =
          new AdamOptimizer(tf.constant(settings.learningRate()))
              .minimize(graph, tf, loss, context.variables());
      session.initialize();
      if (start != null) {
        start.load(session);
      }
      TrainingBatches batches =
          new TrainingBatches(
              new TrainingBatches.Examples(pool, selected, pseudo),
              augmentation,
              settings.batchSize(),
              settings.seed());
      Feeds feeds = new Feeds(images, labels, weights, context);
      double finalLoss = train(session, feeds, loss, train, batches);
      int[] predictions = predict(session, feeds, logits, test, numClasses);
      return score(predictions, test, numClasses, selected.length, finalLoss, balance);
    }
  }

  /**
   * The placeholders a training step feeds; {@code weights} null when unweighted; {@code context}
   * holds the per-batch ones (dropout masks).
   */
  private record Feeds(
      Placeholder<TFloat32> images,
      Placeholder<TInt32> labels,
      Placeholder<TFloat32> weights,
      ModelContext context) {}

  private double train(
      Session session, Feeds feeds, Operand<TFloat32> loss, Op train, TrainingBatches batches) {
    int batch = batches.size();
    ImageShape shape = batches.shape();
    float[] batchImages = new float[batch * shape.size()];
    int[] batchLabels = new int[batch];
    float[] batchWeights = new float[batch];
    int logEvery = Math.max(1, settings.steps() / 10);
    double lastLoss = Double.NaN;
    for (int step = 1; step <= settings.steps(); step++) {
      batches.next(batchImages, batchLabels, batchWeights);
      try (TFloat32 x =
              TFloat32.tensorOf(
                  Shape.of(shape.batchShape(batch)), DataBuffers.of(batchImages, true, false));
          TInt32 y = TInt32.tensorOf(Shape.of(batch), DataBuffers.of(batchLabels, true, false));
          TFloat32 w =
              TFloat32.tensorOf(Shape.of(batch), DataBuffers.of(batchWeights, true, false))) {
        Session.Runner runner = session.runner().feed(feeds.images(), x).feed(feeds.labels(), y);
        if (feeds.weights() != null) {
          runner.feed(feeds.weights(), w);
        }
        Batch stepBatch =
            new Batch(
                batchImages, batch, shape, true, new SplittableRandom(settings.seed() + step));
        List<Tensor> masks = new ArrayList<>();
        try (Result result =
            feeds.context().feedAll(runner, stepBatch, masks).addTarget(train).fetch(loss).run()) {
          lastLoss = ((TFloat32) result.get(0)).getFloat();
        } finally {
          masks.forEach(Tensor::close);
        }
      }
      if (step % logEvery == 0 || step == settings.steps()) {
        LOG.info(
            "classifier step {}/{}: loss {}",
            step,
            settings.steps(),
            String.format("%.4f", lastLoss));
      }
    }
    return lastLoss;
  }

  private static int[] predict(
      Session session, Feeds feeds, Operand<TFloat32> logits, Dataset test, int numClasses) {
    int[] predictions = new int[test.size()];
    ImageShape shape = test.shape();
    for (int from = 0; from < test.size(); from += TEST_BATCH) {
      int to = Math.min(test.size(), from + TEST_BATCH);
      float[] scores = new float[(to - from) * numClasses];
      float[] pixels = test.batch(from, to);
      Batch batch = new Batch(pixels, to - from, shape, false, new SplittableRandom(0));
      List<Tensor> masks = new ArrayList<>();
      try (TFloat32 x =
              TFloat32.tensorOf(
                  Shape.of(shape.batchShape(to - from)), DataBuffers.of(pixels, true, false));
          Result result =
              feeds
                  .context()
                  .feedAll(session.runner().feed(feeds.images(), x), batch, masks)
                  .fetch(logits)
                  .run()) {
        ((TFloat32) result.get(0)).copyTo(DataBuffers.of(scores, false, false));
      } finally {
        masks.forEach(Tensor::close);
      }
      for (int i = from; i < to; i++) {
        int offset = (i - from) * numClasses;
        int best = 0;
        for (int k = 1; k < numClasses; k++) {
          if (scores[offset + k] > scores[offset + best]) {
            best = k;
          }
        }
        predictions[i] = best;
      }
    }
    return predictions;
  }

  private EvaluationResult score(
      int[] predictions,
      Dataset test,
      int numClasses,
      int budget,
      double finalLoss,
      SelectionBalance balance) {
    int[] correct = new int[numClasses];
    int[] total = new int[numClasses];
    int right = 0;
    for (int i = 0; i < predictions.length; i++) {
      int label = test.label(i);
      total[label]++;
      if (predictions[i] == label) {
        correct[label]++;
        right++;
      }
    }
    List<Double> perClass = new ArrayList<>();
    for (int k = 0; k < numClasses; k++) {
      perClass.add(total[k] == 0 ? null : correct[k] / (double) total[k]);
    }
    List<String> names =
        test.classNames().size() >= numClasses
            ? test.classNames()
            : IntStream.range(0, numClasses).mapToObj(Integer::toString).toList();
    return new EvaluationResult(
        budget,
        right / (double) predictions.length,
        perClass,
        names,
        predictions.length,
        finalLoss,
        balance,
        settings);
  }
}
