package io.latentquery.train;

import io.latentquery.model.ConvLayout;
import io.latentquery.model.TrainingOps;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;

/**
 * How a training session runs its graph, without changing what it computes: {@code threads}
 * intra-op threads and {@code interOpThreads} inter-op threads (how many ops may run at once;
 * {@code lq train} runs one, see docs/benchmarks.md), whether XLA's just-in-time compiler clusters
 * the graph ({@code global_jit_level} ON_1), the layout of the feature maps between convolutions,
 * and which faster forms of the model's ops the training graph builds.
 *
 * @param threads TensorFlow intra-op threads, >= 1
 * @param interOpThreads TensorFlow inter-op threads, >= 1
 * @param xla whether to turn on XLA JIT compilation for the whole graph
 * @param layout the feature maps' layout; NCHW needs oneDNN (TensorFlow's default on x86)
 * @param ops the faster forms of ops to build where they take effect (same values and gradients)
 */
public record SessionSettings(
    int threads, int interOpThreads, boolean xla, ConvLayout layout, TrainingOps ops) {
  public SessionSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (interOpThreads < 1) {
      throw new IllegalArgumentException("inter-op threads must be >= 1, got " + interOpThreads);
    }
    if (layout == null) {
      throw new IllegalArgumentException("layout must be NHWC or NCHW, got null");
    }
    if (ops == null) {
      throw new IllegalArgumentException("ops must be given, got null");
    }
  }

  /**
   * {@code threads} intra-op threads, one inter-op thread, no XLA, NHWC, every faster form of the
   * ops: what {@code lq train} runs.
   */
  public static SessionSettings threads(int threads) {
    return new SessionSettings(threads, 1, false, ConvLayout.NHWC, TrainingOps.ALL);
  }

  /** The session's ConfigProto. */
  public ConfigProto config() {
    ConfigProto.Builder config =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(threads)
            .setInterOpParallelismThreads(interOpThreads);
    if (xla) {
      config.setGraphOptions(
          GraphOptions.newBuilder()
              .setOptimizerOptions(
                  OptimizerOptions.newBuilder()
                      .setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1)));
    }
    return config.build();
  }
}
