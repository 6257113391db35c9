package io.latentquery.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latentquery.data.ImageShape;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class FlopCountTest {
  /** 4x4x1 images, filters 2,3, one convolution per level, dense 5, L = 2. */
  private static AutoencoderConfig.Builder tiny() {
    return AutoencoderConfig.builder()
        .input(new ImageShape(4, 4, 1))
        .latentDim(2)
        .filters(List.of(2, 3))
        .convolutionsPerLevel(1)
        .denseWidths(List.of(5));
  }

  @Test
  void aTinyArchitectureCountsAsWorkedOutByHand() {
    // Encoder: level 1, 4x4 = 16 pixels: conv 1->2, 16*9*1*2 = 288.
    //          level 2, 2x2 = 4 pixels:  conv 2->3, 4*9*2*3 = 216.
    //          flatten 2*2*3 = 12; dense 12->5 = 60; latent 5->2 = 10.
    //          288 + 216 + 60 + 10 = 574 multiply-adds.
    // Decoder: dense 2->5 = 10; to maps 5->12 = 60;
    //          level 2, 4 pixels: conv 3->3, 4*9*3*3 = 324;
    //          level 1, 16 pixels: transposed 2x2 conv 3->2, 16*3*2 = 96; conv 2->2, 16*9*2*2 =
    // 576;
    //          logits, conv 2->1 at 16 pixels, 16*9*2*1 = 288.
    //          10 + 60 + 324 + 96 + 576 + 288 = 1354 multiply-adds.
    // Forward: 2 * (574 + 1354) = 3856 FLOPs; training 3 * 3856 = 11568; encoding 2 * 574 = 1148.
    FlopCount count = FlopCount.of(tiny().build());
    assertEquals(574, count.encoderMultiplyAdds());
    assertEquals(1354, count.decoderMultiplyAdds());
    assertEquals(3856, count.forwardFlopsPerImage());
    assertEquals(11568, count.trainingFlopsPerImage());
    assertEquals(1148, count.encodingFlopsPerImage());
  }

  @Test
  void theGaussianHeadDoublesTheLatentLayer() {
    // The VAE's head is one dense layer of 2L = 4 units: 5*4 = 20 instead of 10.
    FlopCount count = FlopCount.of(tiny().kind(ModelKind.VAE).build());
    assertEquals(584, count.encoderMultiplyAdds());
    assertEquals(1354, count.decoderMultiplyAdds());
  }

  @Test
  void thePaperPresetCostsAboutOneGigaflopPerTrainedImage() {
    // Encoder (28x28x1, filters 64,32,32, three convolutions per level, dense 1024,1024, L = 2):
    //   level 1, 784 pixels: 784*9*1*64 + 2 * 784*9*64*64 = 451,584 + 57,802,752 = 58,254,336
    //   level 2, 196 pixels: 196*9*64*32 + 2 * 196*9*32*32 = 3,612,672 + 3,612,672 = 7,225,344
    //   level 3, 49 pixels: 3 * 49*9*32*32 = 1,354,752
    //   dense 1568*1024 + 1024*1024 + 1024*2 = 1,605,632 + 1,048,576 + 2,048 = 2,656,256
    //   total 69,490,688.
    // Decoder: dense 2*1024 + 1024*1024 + 1024*1568 = 2,656,256
    //   level 3: 1,354,752
    //   level 2: up 196*32*32 = 200,704; 3 * 196*9*32*32 = 5,419,008
    //   level 1: up 784*32*64 = 1,605,632; 3 * 784*9*64*64 = 86,704,128
    //   logits 784*9*64*1 = 451,584
    //   total 98,392,064.
    // Training: 3 * 2 * (69,490,688 + 98,392,064) = 1,007,296,512 FLOPs per image.
    FlopCount count =
        FlopCount.of(AutoencoderConfig.preset("paper", new ImageShape(28, 28, 1)).build());
    assertEquals(69_490_688L, count.encoderMultiplyAdds());
    assertEquals(98_392_064L, count.decoderMultiplyAdds());
    assertEquals(1_007_296_512.0, count.trainingFlopsPerImage());
  }

  @Test
  void theCountMatchesTheProductsInTheGraphTheModelBuilds() {
    for (ModelKind kind : ModelKind.values()) {
      AutoencoderConfig config =
          AutoencoderConfig.builder()
              .kind(kind)
              .input(new ImageShape(12, 8, 3))
              .latentDim(3)
              .filters(List.of(4, 6, 5))
              .convolutionsPerLevel(2)
              .denseWidths(List.of(7, 9))
              .build();
      long[] fromGraph = graphMultiplyAdds(config);
      FlopCount count = FlopCount.of(config);
      assertEquals(fromGraph[0], count.encoderMultiplyAdds(), kind.id());
      assertEquals(fromGraph[1], count.decoderMultiplyAdds(), kind.id());
    }
  }

  /**
   * Encoder and decoder multiply-adds read off the training graph's ops: a convolution's (Conv2D
   * or, with its ReLU fused, _FusedConv2D) static output shape times its filter's window and input
   * channels, a transposed convolution's input pixels times its filter, a MatMul's weight matrix.
   * The graph builds the logits as a convolution: as a tap sum, the same multiply-adds run as one
   * matrix product over all pixels, which this reading would take for a dense layer's.
   */
  private static long[] graphMultiplyAdds(AutoencoderConfig config) {
    long[] sums = new long[2];
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      ImageShape in = config.input();
      Placeholder<TFloat32> images =
          tf.placeholder(
              TFloat32.class,
              Placeholder.shape(Shape.of(-1, in.height(), in.width(), in.channels())));
      ModelContext context =
          ModelContext.training(1, ConvLayout.NHWC, new TrainingOps(true, false));
      config.kind().create(config).training(tf, context, images);
      for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        int part = op.name().startsWith("encoder/") ? 0 : op.name().startsWith("decoder/") ? 1 : -1;
        if (part < 0) {
          continue;
        }
        long work =
            switch (op.type()) {
              case "Conv2D", "_FusedConv2D" -> {
                Shape out = op.output(0).shape();
                Shape filter = op.input(1).shape();
                yield out.get(1) * out.get(2) * filter.size();
              }
              case "Conv2DBackpropInput" -> {
                Shape input = op.input(2).shape();
                yield input.get(1) * input.get(2) * op.input(1).shape().size();
              }
              case "MatMul" -> op.input(1).shape().size();
              default -> 0L;
            };
        sums[part] += work;
      }
    }
    return sums;
  }
}
