package io.latentquery.data;

import io.latentquery.InputException;
import io.latentquery.SettingException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes a labeled pool unbalanced as in the method's unbalanced MNIST experiment: each even class
 * index gains {@link UnbalanceSettings#shift()} new examples, each odd class index loses as many. A
 * new example is a randomly chosen pool image of its class, rotated and translated by a small
 * random amount with bilinear sampling, so it is a plausible new digit rather than a duplicate that
 * a sampler would see as one point. The result is shuffled so that any prefix of it (e.g. {@code
 * --limit}) is unbalanced in the same way.
 */
public final class Unbalancer {
  /** A draw that moves no pixel by at least this many pixels is drawn again: it would be a copy. */
  private static final double MIN_DISPLACEMENT = 0.5;

  private final UnbalanceSettings settings;

  public Unbalancer(UnbalanceSettings settings) {
    this.settings = settings;
  }

  /**
   * The unbalanced version of {@code pool} (single-channel, labeled).
   *
   * @throws IllegalArgumentException when an odd class has fewer than {@code shift} examples
   */
  public UnbalancedPool apply(Dataset pool) {
    if (!pool.hasLabels()) {
      throw new InputException("cannot unbalance " + pool.name() + ": it has no labels");
    }
    ImageShape shape = pool.shape();
    if (shape.channels() != 1) {
      throw new InputException(
          "cannot unbalance "
              + pool.name()
              + ": only single-channel images are supported, it has "
              + shape.channels());
    }
    int numClasses = Math.max(pool.numClasses(), maxLabel(pool) + 1);
    List<List<Integer>> byClass = new ArrayList<>();
    for (int k = 0; k < numClasses; k++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < pool.size(); i++) {
      byClass.get(pool.label(i)).add(i);
    }
    int shift = settings.shift();
    int smallestOdd = -1;
    for (int k = 1; k < numClasses; k += 2) {
      if (smallestOdd < 0 || byClass.get(k).size() < byClass.get(smallestOdd).size()) {
        smallestOdd = k;
      }
    }
    if (smallestOdd >= 0 && byClass.get(smallestOdd).size() < shift) {
      int available = byClass.get(smallestOdd).size();
      throw new SettingException(
          "shift",
          shift
              + " would leave odd class "
              + smallestOdd
              + " with a negative count: it has only "
              + available
              + " pool examples; use a shift of at most "
              + available);
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    boolean[] removed = new boolean[pool.size()];
    for (int k = 1; k < numClasses; k += 2) {
      int[] members = byClass.get(k).stream().mapToInt(Integer::intValue).toArray();
      for (int j = 0; j < shift; j++) {
        int pick = j + random.nextInt(members.length - j);
        int chosen = members[pick];
        members[pick] = members[j];
        members[j] = chosen;
        removed[chosen] = true;
      }
    }
    int evenClasses = (numClasses + 1) / 2;
    int kept = 0;
    for (boolean r : removed) {
      kept += r ? 0 : 1;
    }
    int size = kept + evenClasses * shift;
    int pixels = shape.size();
    byte[] images = new byte[Math.multiplyExact(size, pixels)];
    int[] labels = new int[size];
    int[] sources = new int[size];
    boolean[] augmented = new boolean[size];
    float[] buffer = new float[pixels];
    int next = 0;
    for (int i = 0; i < pool.size(); i++) {
      if (!removed[i]) {
        pool.copyImage(i, buffer, 0);
        toBytes(buffer, images, next * pixels);
        labels[next] = pool.label(i);
        sources[next] = i;
        next++;
      }
    }
    byte[] source = new byte[pixels];
    for (int k = 0; k < numClasses; k += 2) {
      List<Integer> members = byClass.get(k);
      if (members.isEmpty() && shift > 0) {
        throw new InputException(
            "cannot add examples to even class "
                + k
                + " of "
                + pool.name()
                + ": it has no pool examples");
      }
      for (int j = 0; j < shift; j++) {
        int from = members.get(random.nextInt(members.size()));
        pool.copyImage(from, buffer, 0);
        toBytes(buffer, source, 0);
        byte[] warped = warp(source, shape, random);
        System.arraycopy(warped, 0, images, next * pixels, pixels);
        labels[next] = k;
        sources[next] = from;
        augmented[next] = true;
        next++;
      }
    }
    int[] order = Shuffle.permutation(size, random);
    byte[] shuffledImages = new byte[images.length];
    int[] shuffledLabels = new int[size];
    int[] shuffledSources = new int[size];
    boolean[] shuffledAugmented = new boolean[size];
    for (int i = 0; i < size; i++) {
      int o = order[i];
      System.arraycopy(images, o * pixels, shuffledImages, i * pixels, pixels);
      shuffledLabels[i] = labels[o];
      shuffledSources[i] = sources[o];
      shuffledAugmented[i] = augmented[o];
    }
    return new UnbalancedPool(
        shape,
        shuffledImages,
        shuffledLabels,
        shuffledSources,
        shuffledAugmented,
        counts(pool, numClasses));
  }

  private byte[] warp(byte[] source, ImageShape shape, SplittableRandom random) {
    double radius = Math.hypot(shape.width() - 1, shape.height() - 1) / 2;
    boolean canMove =
        Math.hypot(settings.maxTranslation(), settings.maxTranslation()) > 2 * MIN_DISPLACEMENT
            || StrictMath.toRadians(settings.maxRotationDegrees()) * radius > 2 * MIN_DISPLACEMENT;
    double degrees;
    double dx;
    double dy;
    do {
      degrees = symmetric(random, settings.maxRotationDegrees());
      dx = symmetric(random, settings.maxTranslation());
      dy = symmetric(random, settings.maxTranslation());
    } while (Math.hypot(dx, dy) < MIN_DISPLACEMENT
        && Math.abs(StrictMath.toRadians(degrees)) * radius < MIN_DISPLACEMENT
        && canMove);
    return ImageWarp.rotateTranslate(source, shape.height(), shape.width(), degrees, dx, dy);
  }

  private static double symmetric(SplittableRandom random, double max) {
    return max == 0 ? 0 : (2 * random.nextDouble() - 1) * max;
  }

  private static void toBytes(float[] image, byte[] dest, int offset) {
    for (int p = 0; p < image.length; p++) {
      dest[offset + p] = IdxWriter.toByte(image[p]);
    }
  }

  private static int maxLabel(Dataset pool) {
    int max = 0;
    for (int i = 0; i < pool.size(); i++) {
      max = Math.max(max, pool.label(i));
    }
    return max;
  }

  /** Examples per class of {@code dataset}, by class index. */
  public static int[] counts(Dataset dataset, int numClasses) {
    int[] counts = new int[numClasses];
    for (int i = 0; i < dataset.size(); i++) {
      counts[dataset.label(i)]++;
    }
    return counts;
  }
}
