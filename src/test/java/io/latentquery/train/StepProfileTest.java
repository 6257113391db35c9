package io.latentquery.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.StepStats;

class StepProfileTest {
  private static NodeExecStats node(String name, String type, long start, long length) {
    return NodeExecStats.newBuilder()
        .setNodeName(name)
        .setTimelineLabel(name + " = " + type + "(a, b)")
        .setAllStartMicros(start)
        .setAllEndRelMicros(length)
        .build();
  }

  /** One device's step stats holding {@code nodes}. */
  private static StepStats stats(NodeExecStats... nodes) {
    DeviceStepStats.Builder device = DeviceStepStats.newBuilder();
    for (NodeExecStats node : nodes) {
      device.addNodeStats(node);
    }
    return StepStats.newBuilder().addDevStats(device).build();
  }

  @Test
  void sumsTimeByOpTypeAndCountsTheWallTimeOutsideOpsByHand() {
    // Two Conv2D nodes overlapping in [5,10], one Relu: busy = [0,15] + [20,30] = 25 us of a
    // 40 us call, so 15 us outside ops; op time 10 + 10 + 10 = 30, 5 of it overlapping.
    StepStats stats =
        stats(
            node("a/conv", "Conv2D", 1000, 10),
            node("b/conv", "Conv2D", 1005, 10),
            node("relu", "Relu", 1020, 10));
    StepProfile profile = new StepProfile.Builder().add(stats, 40).add(stats, 40).build();
    assertEquals(2, profile.steps());
    assertEquals(80, profile.wallMicros());
    assertEquals(50, profile.busyMicros());
    assertEquals(30, profile.outsideMicros());
    assertEquals(60, profile.opMicros());
    assertEquals(List.of("Conv2D", "Relu"), profile.types());
    assertEquals(new StepProfile.OpTime("Conv2D", 2, 40), profile.ops().get(0));
    assertEquals(0.5, profile.share(profile.ops().get(0).micros()), 1e-12);
    assertEquals(0.375, profile.share(profile.outsideMicros()), 1e-12);
    assertEquals(
        List.of(
            new StepProfile.NodeTime("a/conv", "Conv2D", 20),
            new StepProfile.NodeTime("b/conv", "Conv2D", 20),
            new StepProfile.NodeTime("relu", "Relu", 20)),
        profile.nodes().stream()
            .sorted(java.util.Comparator.comparing(StepProfile.NodeTime::name))
            .toList());
  }

  @Test
  void nodesAreListedSlowestFirstWithTheirTimeSummedOverSteps() {
    StepStats first =
        stats(
            node("grad/filter", "Conv2DBackpropFilter", 0, 30),
            node("forward", "Conv2D", 30, 20),
            node("relu", "Relu", 50, 5));
    StepStats second =
        stats(
            node("grad/filter", "Conv2DBackpropFilter", 0, 10),
            node("forward", "Conv2D", 10, 25),
            node("relu", "Relu", 35, 5));
    StepProfile profile = new StepProfile.Builder().add(first, 60).add(second, 45).build();
    assertEquals(
        List.of(
            new StepProfile.NodeTime("forward", "Conv2D", 45),
            new StepProfile.NodeTime("grad/filter", "Conv2DBackpropFilter", 40),
            new StepProfile.NodeTime("relu", "Relu", 10)),
        profile.nodes());
  }

  @Test
  void aNodeWithoutATimelineLabelIsNamedByItsNode() {
    NodeExecStats node = NodeExecStats.newBuilder().setNodeName("_SOURCE").build();
    assertEquals("_SOURCE", StepProfile.type(node));
    assertEquals(
        "_MklNativeFusedConv2D", StepProfile.type(node("x", "_MklNativeFusedConv2D", 0, 1)));
  }

  @Test
  void theUnionOfIntervalsCountsOverlapsOnce() {
    List<long[]> intervals =
        new java.util.ArrayList<>(
            List.of(
                new long[] {20, 30}, new long[] {0, 10}, new long[] {5, 8}, new long[] {9, 12}));
    assertEquals(22, StepProfile.union(intervals));
    assertEquals(0, StepProfile.union(new java.util.ArrayList<>()));
  }
}
