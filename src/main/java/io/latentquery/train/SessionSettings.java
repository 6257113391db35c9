package io.latentquery.train;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;

/**
 * How a training session runs its graph: {@code threads} intra-op threads and one inter-op thread
 * (two ops at once, each with all cores, oversubscribe the machine; see docs/benchmarks.md), and
 * whether XLA's just-in-time compiler clusters the graph ({@code global_jit_level} ON_1).
 *
 * @param threads TensorFlow intra-op threads, >= 1
 * @param xla whether to turn on XLA JIT compilation for the whole graph
 */
public record SessionSettings(int threads, boolean xla) {
  public SessionSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** {@code threads} threads, no XLA: what {@code lq train} runs. */
  public static SessionSettings threads(int threads) {
    return new SessionSettings(threads, false);
  }

  /** The session's ConfigProto. */
  public ConfigProto config() {
    ConfigProto.Builder config =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(threads)
            .setInterOpParallelismThreads(1);
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
