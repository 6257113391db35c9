package io.latentquery.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.StepStats;

/**
 * Where a traced step's time went: TensorFlow's per-node step stats summed by op type (as the
 * runtime ran them, after grappler's rewrites, e.g. {@code _FusedConv2D}), and the step's time
 * outside ops: the wall time of {@code Session.run} minus the time in which at least one op ran
 * (feed and fetch, graph setup of the call, scheduling gaps).
 *
 * @param steps traced steps summed
 * @param wallMicros wall time of the traced {@code Session.run} calls, summed
 * @param busyMicros time in which at least one op ran (the union of the ops' intervals), summed
 * @param ops per op type, largest total first
 * @param nodes per node, largest total first: which layer's op took the time
 */
public record StepProfile(
    int steps, double wallMicros, double busyMicros, List<OpTime> ops, List<NodeTime> nodes) {
  /**
   * One op type's time.
   *
   * @param type the op type, e.g. {@code Conv2DBackpropFilter}
   * @param nodes how many nodes of that type ran per step
   * @param micros their summed run time (start to end of each node), over all steps
   */
  public record OpTime(String type, int nodes, double micros) {}

  /**
   * One node's time.
   *
   * @param name the node's name, e.g. {@code gradients/encoder/level1/conv2/FusedConv2D/...}
   * @param type its op type as the runtime ran it
   * @param micros its summed run time over all steps
   */
  public record NodeTime(String name, String type, double micros) {}

  /** Time outside ops: wall time minus busy time, never below zero. */
  public double outsideMicros() {
    return Math.max(0, wallMicros - busyMicros);
  }

  /** Summed op time (exceeds busy time where ops overlapped). */
  public double opMicros() {
    return ops.stream().mapToDouble(OpTime::micros).sum();
  }

  /** {@code micros} as a share of the step's wall time. */
  public double share(double micros) {
    return wallMicros > 0 ? micros / wallMicros : 0;
  }

  /** The op types as the runtime named them, e.g. for checking that XLA clusters ran. */
  public List<String> types() {
    return ops.stream().map(OpTime::type).toList();
  }

  /** Accumulates traced steps. */
  public static final class Builder {
    private final Map<String, double[]> byType = new HashMap<>();
    private final Map<String, Integer> nodes = new HashMap<>();
    private final Map<String, NodeTime> byNode = new HashMap<>();
    private int steps;
    private double wall;
    private double busy;

    /** Adds one traced step: its step stats and the wall time of its {@code Session.run}. */
    public Builder add(StepStats stats, double wallMicros) {
      List<long[]> intervals = new ArrayList<>();
      Map<String, Integer> stepNodes = new HashMap<>();
      for (DeviceStepStats device : stats.getDevStatsList()) {
        for (NodeExecStats node : device.getNodeStatsList()) {
          long start = node.getAllStartMicros();
          long end = start + node.getAllEndRelMicros();
          String type = type(node);
          byType.computeIfAbsent(type, t -> new double[1])[0] += end - start;
          stepNodes.merge(type, 1, Integer::sum);
          byNode.merge(
              node.getNodeName(),
              new NodeTime(node.getNodeName(), type, end - start),
              (a, b) -> new NodeTime(a.name(), a.type(), a.micros() + b.micros()));
          intervals.add(new long[] {start, end});
        }
      }
      stepNodes.forEach((type, count) -> nodes.merge(type, count, Math::max));
      busy += union(intervals);
      wall += wallMicros;
      steps++;
      return this;
    }

    public StepProfile build() {
      List<OpTime> ops = new ArrayList<>();
      byType.forEach((type, micros) -> ops.add(new OpTime(type, nodes.get(type), micros[0])));
      ops.sort(Comparator.comparingDouble(OpTime::micros).reversed());
      List<NodeTime> slowest = new ArrayList<>(byNode.values());
      slowest.sort(Comparator.comparingDouble(NodeTime::micros).reversed());
      return new StepProfile(steps, wall, busy, List.copyOf(ops), List.copyOf(slowest));
    }
  }

  /**
   * The op type from the node's timeline label ({@code "name = Type(inputs)"}), else its name
   * without a trailing {@code :N}.
   */
  static String type(NodeExecStats node) {
    String label = node.getTimelineLabel();
    int eq = label.indexOf(" = ");
    if (eq >= 0) {
      int paren = label.indexOf('(', eq);
      return label.substring(eq + 3, paren < 0 ? label.length() : paren).trim();
    }
    String name = node.getNodeName();
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(0, colon);
  }

  /** Length of the union of closed intervals. */
  static long union(List<long[]> intervals) {
    intervals.sort(Comparator.comparingLong(i -> i[0]));
    long total = 0;
    long from = Long.MIN_VALUE;
    long to = Long.MIN_VALUE;
    for (long[] interval : intervals) {
      if (interval[0] > to) {
        total += to - from;
        from = interval[0];
        to = interval[1];
      } else {
        to = Math.max(to, interval[1]);
      }
    }
    return total + (to - from);
  }
}
