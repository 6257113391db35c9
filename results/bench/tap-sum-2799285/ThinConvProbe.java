import org.tensorflow.*;
import org.tensorflow.op.*;
import org.tensorflow.op.core.*;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.proto.*;
import java.util.*;

/**
 * Probe: the thin layers of the paper preset, each computed two ways, forward and backward alone,
 * at batch B (2 intra-op threads, 1 inter-op). The loss is the sum of the output times a fixed
 * random tensor, so the traced backward pass holds only the layer's gradients.
 * - logits, 64 to OC channels (1 unless given), 3x3 at 28x28: A, Conv2D and BiasAdd (what the model defines); C, one
 *   MatMul to the 9 taps' partial sums and a fixed 0/1 3x3 convolution that adds them (the tap sum
 *   that training graphs build from 2799285); B, the same MatMul with the 9 shifted slices added by
 *   AddN. A2 is A again, so that the comparisons pair A with C and A2 with B.
 * - first, 1 to 64 channels with ReLU: A, Conv2D; B, ExtractImagePatches then a 1x1 Conv2D.
 * - up, the 2x2 stride-2 transposed convolution 32 to 64 channels, 14x14 to 28x28, with ReLU: A,
 *   Conv2DBackpropInput; B, a 1x1 Conv2D to 4x64 channels, then DepthToSpace.
 * Prints the largest difference of each pair's output and gradients, one traced run of each (op
 * types and milliseconds of the nodes over 0.3 ms, backward and forward apart), then three rounds
 * of 20 timed runs of each (forward and backward, wall and CPU milliseconds).
 * Run from the repository root after mvn -DskipTests package:
 * java -cp "target/lib/*" results/bench/tap-sum-2799285/ThinConvProbe.java B [OC]
 */
public class ThinConvProbe {
  static final List<Long> ST = List.of(1L, 1L, 1L, 1L);
  static Ops tf;
  static Operand<TFloat32> rnd(long... dims) {
    return tf.variable(tf.math.sub(tf.random.randomUniform(tf.constant(Shape.of(dims)), TFloat32.class, RandomUniform.seed(dims.length * 7L + dims[dims.length - 1])), tf.constant(0.5f)));
  }
  static Operand<TFloat32> loss(Operand<TFloat32> y, Operand<TFloat32> r) { return tf.reduceSum(tf.math.mul(y, r), tf.constant(new int[] {0, 1, 2, 3})); }

  public static void main(String[] a) {
    int b = Integer.parseInt(a[0]);
    int oc = a.length > 1 ? Integer.parseInt(a[1]) : 1;
    try (Graph g = new Graph();
        Session s = new Session(g, ConfigProto.newBuilder().setIntraOpParallelismThreads(2).setInterOpParallelismThreads(1).build())) {
      tf = Ops.create(g);
      Map<String, List<Operand<?>>> cases = new LinkedHashMap<>();
      // logits: 64 -> 1 at 28x28
      {
        var x = rnd(b, 28, 28, 64); var k = rnd(3, 3, 64, oc); var bias = rnd(oc); var r = rnd(b, 28, 28, oc);
        Operand<TFloat32> yA = tf.nn.biasAdd(tf.nn.conv2d(x, k, ST, "SAME"), bias);
        Operand<TFloat32> w = tf.reshape(tf.linalg.transpose(k, tf.constant(new int[] {2, 0, 1, 3})), tf.constant(new int[] {64, 9 * oc}));
        Operand<TFloat32> z = tf.reshape(tf.linalg.matMul(tf.reshape(x, tf.constant(new int[] {-1, 64})), w), tf.constant(new int[] {-1, 28, 28, 9 * oc}));
        Operand<TFloat32> zp = tf.pad(z, tf.constant(new int[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}}), tf.constant(0f));
        List<Operand<TFloat32>> taps = new ArrayList<>();
        for (int ky = 0; ky < 3; ky++) for (int kx = 0; kx < 3; kx++)
          taps.add(tf.slice(zp, tf.constant(new int[] {0, ky, kx, (ky * 3 + kx) * oc}), tf.constant(new int[] {-1, 28, 28, oc})));
        Operand<TFloat32> yB = tf.nn.biasAdd(tf.math.addN(taps), bias);
        var gA = tf.gradients(loss(yA, r), List.of(x, k, bias));
        var gB = tf.gradients(loss(yB, r), List.of(x, k, bias));
        float[] sel = new float[81 * oc * oc];
        // [3,3,9oc,oc]: tap (ky,kx) of output channel f reads channel (ky*3+kx)*oc + f
        for (int t = 0; t < 9; t++) for (int f = 0; f < oc; f++) sel[((t * 9 + t) * oc + f) * oc + f] = 1f;
        Operand<TFloat32> e = tf.constant(Shape.of(3, 3, 9 * oc, oc), DataBuffers.of(sel));
        Operand<TFloat32> yC = tf.nn.biasAdd(tf.nn.conv2d(z, e, ST, "SAME"), bias);
        var gC = tf.gradients(loss(yC, r), List.of(x, k, bias));
        cases.put("logits A conv2d", List.of(yA, gA.dy(0), gA.dy(1), gA.dy(2)));
        cases.put("logits C matmul+selector", List.of(yC, gC.dy(0), gC.dy(1), gC.dy(2)));
        cases.put("logits A2 conv2d", List.of(yA, gA.dy(0), gA.dy(1), gA.dy(2)));
        cases.put("logits B matmul+taps", List.of(yB, gB.dy(0), gB.dy(1), gB.dy(2)));
      }
      // first: 1 -> 64 at 28x28, relu
      {
        var x = rnd(b, 28, 28, 1); var k = rnd(3, 3, 1, 64); var bias = rnd(64); var r = rnd(b, 28, 28, 64);
        Operand<TFloat32> yA = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, k, ST, "SAME"), bias));
        Operand<TFloat32> p = tf.image.extractImagePatches(x, List.of(1L, 3L, 3L, 1L), ST, ST, "SAME");
        Operand<TFloat32> yB = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(p, tf.reshape(k, tf.constant(new int[] {1, 1, 9, 64})), ST, "SAME"), bias));
        var gA = tf.gradients(loss(yA, r), List.of(k, bias));
        var gB = tf.gradients(loss(yB, r), List.of(k, bias));
        cases.put("first A conv2d", List.of(yA, gA.dy(0), gA.dy(1)));
        cases.put("first B patches+1x1", List.of(yB, gB.dy(0), gB.dy(1)));
      }
      // up: 32 -> 64, 14 -> 28, relu
      {
        var x = rnd(b, 14, 14, 32); var k = rnd(2, 2, 64, 32); var bias = rnd(64); var r = rnd(b, 28, 28, 64);
        Operand<TFloat32> up = tf.nn.conv2dBackpropInput(tf.constant(new int[] {b, 28, 28, 64}), k, x, List.of(1L, 2L, 2L, 1L), "SAME");
        Operand<TFloat32> yA = tf.nn.relu(tf.nn.biasAdd(tf.reshape(up, tf.constant(new int[] {-1, 28, 28, 64})), bias));
        Operand<TFloat32> w = tf.reshape(tf.linalg.transpose(k, tf.constant(new int[] {3, 0, 1, 2})), tf.constant(new int[] {1, 1, 32, 256}));
        Operand<TFloat32> c = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, w, ST, "SAME"), tf.tile(bias, tf.constant(new int[] {4}))));
        Operand<TFloat32> yB = tf.nn.depthToSpace(c, 2L);
        var gA = tf.gradients(loss(yA, r), List.of(x, k, bias));
        var gB = tf.gradients(loss(yB, r), List.of(x, k, bias));
        cases.put("up A transposed", List.of(yA, gA.dy(0), gA.dy(1), gA.dy(2)));
        cases.put("up B 1x1+d2s", List.of(yB, gB.dy(0), gB.dy(1), gB.dy(2)));
      }
      s.initialize();
      List<String> names = new ArrayList<>(cases.keySet());
      for (int ci = 0; ci < names.size(); ci += 2) {
        List<Operand<?>> A = cases.get(names.get(ci)), B = cases.get(names.get(ci + 1));
        for (int i = 0; i < A.size(); i++) {
          float[] va = vals(s, A.get(i)), vb = vals(s, B.get(i));
          double d = 0, m = 0;
          for (int j = 0; j < va.length; j++) { d = Math.max(d, Math.abs(va[j] - vb[j])); m = Math.max(m, Math.abs(va[j])); }
          System.out.printf("%s vs %s, output %d (0: forward, then gradients): %d values, max diff %.2e of max %.2e%n", names.get(ci), names.get(ci + 1), i, va.length, d, m);
        }
      }
      for (String n : names) { List<Operand<?>> f = cases.get(n).subList(1, cases.get(n).size()); run(s, f); trace(s, n, f); trace(s, n + " forward", cases.get(n).subList(0, 1)); }
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      for (int rep = 0; rep < 3; rep++) for (String n : names) {
        List<Operand<?>> fetch = cases.get(n);
        for (int w = 0; w < 3; w++) run(s, fetch);
        int reps = 20;
        long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
        for (int it = 0; it < reps; it++) run(s, fetch);
        System.out.printf("b%d %-22s %8.2f ms %8.2f CPU-ms%n", b, n, (System.nanoTime() - t0) / 1e6 / reps, (os.getProcessCpuTime() - c0) / 1e6 / reps);
      }
    }
  }
  static void trace(Session s, String n, List<Operand<?>> fetch) {
    Session.Runner r = s.runner(); fetch.forEach(r::fetch);
    r.setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
    try (Result res = r.runAndFetchMetadata()) {
      StringBuilder sb = new StringBuilder(n + ":");
      res.getMetadata().get().getStepStats().getDevStatsList().forEach(d -> d.getNodeStatsList().forEach(x -> { if (x.getAllEndRelMicros() >= 300) sb.append(String.format(" %s=%.1f", x.getTimelineLabel().replaceAll("^.* = ", "").replaceAll("\\(.*", ""), x.getAllEndRelMicros() / 1e3)); }));
      System.out.println(sb);
    }
  }
  static void run(Session s, List<Operand<?>> fetch) { Session.Runner r = s.runner(); fetch.forEach(r::fetch); try (Result res = r.run()) {} }
  static float[] vals(Session s, Operand<?> o) {
    try (Result r = s.runner().fetch(o).run()) { TFloat32 t = (TFloat32) r.get(0); float[] v = new float[(int) t.size()]; t.copyTo(DataBuffers.of(v, false, false)); return v; }
  }
}
