import org.tensorflow.*;
import org.tensorflow.op.*;
import org.tensorflow.op.core.*;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.op.nn.*;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.proto.*;
import java.util.*;
/**
 * Probe: can the ReLU join oneDNN's fused convolution in a training graph? Three 3x3 convolutions
 * (64 to 64 channels, 28x28, batch 64) with bias and ReLU, forward and backward, built either as
 * Conv2D + BiasAdd + Relu (whose C++ gradient reads the ReLU's input, so grappler leaves the ReLU
 * unfused) or as one _FusedConv2D(BiasAdd, Relu) op with a gradient registered from Java that
 * reads the ReLU's output. Prints the loss, a checksum of all gradients, milliseconds per step
 * (wall and process CPU) and the traced op types.
 * Run from the repository root after mvn -DskipTests package:
 * java -cp "target/lib/*" results/bench/relu-fusion-probe/FusedReluProbe.java plain|fused
 */
public class FusedReluProbe {
  static final List<Long> ST = List.of(1L,1L,1L,1L);
  public static void main(String[] a) {
    boolean fused = a[0].equals("fused");
    if (fused) {
      boolean ok = TensorFlow.registerCustomGradient("_FusedConv2D", (tf, op, grads) -> {
        Output<TFloat32> x = (Output<TFloat32>) (Output<?>) op.input(0);
        Output<TFloat32> k = (Output<TFloat32>) (Output<?>) op.input(1);
        Output<TFloat32> y = (Output<TFloat32>) (Output<?>) op.output(0);
        Operand<TFloat32> dz = tf.nn.reluGrad((Operand<TFloat32>) grads.get(0), y);
        Operand<TFloat32> db = tf.nn.biasAddGrad(dz);
        Operand<TFloat32> dx = tf.nn.conv2dBackpropInput(tf.shape(x), k, dz, ST, "SAME");
        Operand<TFloat32> dk = tf.nn.conv2dBackpropFilter(x, tf.shape(k), dz, ST, "SAME");
        return List.of(dx, dk, db);
      });
      System.out.println("registered " + ok);
    }
    try (Graph g = new Graph(); Session s = new Session(g, ConfigProto.newBuilder().setIntraOpParallelismThreads(2).setInterOpParallelismThreads(1).build())) {
      Ops tf = Ops.create(g);
      var xin = tf.variable(tf.random.randomUniform(tf.constant(Shape.of(64, 28, 28, 64)), TFloat32.class, RandomUniform.seed(1L)));
      Operand<TFloat32> x = tf.identity(xin);
      List<Variable<TFloat32>> vars = new ArrayList<>();
      for (int l = 0; l < 3; l++) {
        var k = tf.variable(tf.math.mul(tf.random.randomUniform(tf.constant(Shape.of(3, 3, 64, 64)), TFloat32.class, RandomUniform.seed(2L + l)), tf.constant(0.05f)));
        var b = tf.variable(tf.math.mul(tf.random.randomUniform(tf.constant(Shape.of(64)), TFloat32.class, RandomUniform.seed(9L + l)), tf.constant(0.1f)));
        vars.add(k); vars.add(b);
        if (fused) {
          Operation op = tf.scope().opBuilder("_FusedConv2D", "fused").addInput(x.asOutput()).addInput(k.asOutput()).addInputList(new Output<?>[]{b.asOutput()}).addInputList(new Output<?>[0]).setAttr("TArgs", new org.tensorflow.proto.DataType[]{org.tensorflow.proto.DataType.DT_FLOAT})
            .setAttr("T", org.tensorflow.proto.DataType.DT_FLOAT).setAttr("strides", new long[]{1,1,1,1}).setAttr("padding", "SAME").setAttr("data_format", "NHWC")
            .setAttr("fused_ops", new String[]{"BiasAdd", "Relu"}).setAttr("num_args", 1L).build();
          x = op.output(0);
        } else {
          x = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, k, ST, "SAME"), b));
        }
      }
      var loss = tf.reduceSum(tf.math.mul(x, tf.random.randomUniform(tf.constant(Shape.of(64, 28, 28, 64)), TFloat32.class, RandomUniform.seed(5L))), tf.constant(new int[]{0,1,2,3}));
      Output<?>[] wrt = new Output<?>[vars.size()];
      for (int i = 0; i < wrt.length; i++) wrt[i] = vars.get(i).asOutput();
      Output<?>[] grads = g.addGradients(loss.asOutput(), wrt);
      s.initialize();
      Session.Runner r0 = s.runner().fetch(loss); for (Output<?> o : grads) r0.fetch(o);
      try (Result r = r0.run()) {
        double sum = 0; for (int i = 1; i <= grads.length; i++) { TFloat32 t = (TFloat32) r.get(i); float[] v = new float[(int) t.size()]; t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(v, false, false)); for (float f : v) sum += Math.abs(f) * (i % 7 + 1); }
        System.out.println("loss " + ((TFloat32) r.get(0)).getFloat() + " grad checksum " + sum);
      }
      for (int rep = 0; rep < 3; rep++) {
        long t0 = System.nanoTime();
        long c0 = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        for (int it = 0; it < 20; it++) { Session.Runner rr = s.runner(); for (Output<?> o : grads) rr.fetch(o); try (Result r = rr.run()) {} }
        long c1 = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        System.out.printf("%s: %.1f ms per forward+backward, %.1f CPU-ms%n", a[0], (System.nanoTime() - t0) / 1e6 / 20, (c1 - c0) / 1e6 / 20);
      }
      Session.Runner rr = s.runner(); for (Output<?> o : grads) rr.fetch(o);
      rr.setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
      try (Result r = rr.runAndFetchMetadata()) {
        TreeMap<String, Long> types = new TreeMap<>();
        r.getMetadata().get().getStepStats().getDevStatsList().forEach(d -> d.getNodeStatsList().forEach(n -> types.merge(n.getTimelineLabel().replaceAll("^.* = ", "").replaceAll("\\(.*", ""), n.getAllEndRelMicros(), Long::sum)));
        types.entrySet().removeIf(e -> e.getValue() < 200);
        System.out.println(types);
      }
    }
  }
}
