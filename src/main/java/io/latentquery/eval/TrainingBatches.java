package io.latentquery.eval;

import io.latentquery.data.Dataset;
import io.latentquery.data.ImageShape;
import io.latentquery.data.Shuffle;
import java.util.SplittableRandom;

/**
 * The classifier's training batches: the labeled examples in seeded random epochs and, with
 * pseudo-labels, as many spread-label examples beside them (each batch half and half), every image
 * changed by the augmentation when there is one. Labels and weights are those of the examples
 * drawn; augmentation changes pixels only. The batch order does not depend on the augmentation, so
 * runs with and without it see the same examples in the same order.
 */
final class TrainingBatches {
  private final Dataset pool;
  private final int[] selected;
  private final PseudoLabels pseudo;
  private final Augmentation augmentation;
  private final Order labeledOrder;
  private final Order pseudoOrder;
  private final SplittableRandom augmentRandom;
  private final int labeledPerBatch;
  private final int size;

  /** The examples a classifier learns from. */
  record Examples(Dataset pool, int[] selected, PseudoLabels pseudo) {}

  /**
   * @param augmentation null for none
   * @param batchSize examples per batch; fewer when there are fewer examples
   */
  TrainingBatches(Examples examples, Augmentation augmentation, int batchSize, long seed) {
    this.pool = examples.pool();
    this.selected = examples.selected().clone();
    PseudoLabels spread = examples.pseudo();
    this.pseudo = spread == null || spread.size() == 0 ? null : spread;
    this.augmentation = augmentation;
    this.labeledOrder = new Order(selected.length, new SplittableRandom(seed));
    if (pseudo == null) {
      this.labeledPerBatch = Math.min(batchSize, selected.length);
      this.size = labeledPerBatch;
      this.pseudoOrder = null;
    } else {
      this.labeledPerBatch = Math.min((batchSize + 1) / 2, selected.length);
      this.size = labeledPerBatch + Math.min(batchSize - labeledPerBatch, pseudo.size());
      this.pseudoOrder = new Order(pseudo.size(), new SplittableRandom(seed).split());
    }
    this.augmentRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
  }

  ImageShape shape() {
    return pool.shape();
  }

  /** Examples per batch. */
  int size() {
    return size;
  }

  /** Fills the next batch: images [size, H, W, C], class indices and loss weights. */
  void next(float[] images, int[] labels, float[] weights) {
    ImageShape shape = pool.shape();
    int pixels = shape.size();
    for (int b = 0; b < size; b++) {
      if (b < labeledPerBatch) {
        int example = selected[labeledOrder.next()];
        pool.copyImage(example, images, b * pixels);
        labels[b] = pool.label(example);
        weights[b] = 1f;
      } else {
        int k = pseudoOrder.next();
        pseudo.pool().copyImage(pseudo.indices()[k], images, b * pixels);
        labels[b] = pseudo.classes()[k];
        weights[b] = pseudo.weights()[k];
      }
      if (augmentation != null) {
        augmentation.apply(images, b * pixels, shape, augmentRandom);
      }
    }
  }

  /** Endless epochs over {@code n} examples, each in a fresh seeded random order. */
  private static final class Order {
    private final int[] order;
    private final SplittableRandom random;
    private int position;

    Order(int n, SplittableRandom random) {
      this.order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      this.random = random;
      this.position = n;
    }

    int next() {
      if (position == order.length) {
        Shuffle.shuffleInPlace(order, random);
        position = 0;
      }
      return order[position++];
    }
  }
}
