package io.latentquery.cli;

import java.util.Arrays;
import java.util.Random;

/**
 * Seeded random damage to a file's bytes, as disks, networks and editors do it: bit flips,
 * truncation, inserted or deleted bytes, and a duplicated chunk.
 */
final class Mutations {
  /** One damaged copy and how it was made. */
  record Mutant(byte[] bytes, String description) {}

  private Mutations() {}

  /** Mutant number {@code index} of {@code valid}; the same seed and index give the same bytes. */
  static Mutant mutate(byte[] valid, long seed, int index) {
    Random random = new Random(seed * 1_000_003L + index);
    byte[] bytes = valid.clone();
    StringBuilder description = new StringBuilder();
    int operations = 1 + random.nextInt(3);
    for (int k = 0; k < operations; k++) {
      if (k > 0) {
        description.append(", ");
      }
      bytes = apply(bytes, random, description);
    }
    return new Mutant(bytes, description.toString());
  }

  private static byte[] apply(byte[] bytes, Random random, StringBuilder description) {
    int n = bytes.length;
    switch (random.nextInt(5)) {
      case 0 -> {
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && n > 0; i++) {
          int at = random.nextInt(n);
          bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
        description.append(flips).append(" bit flip(s)");
        return bytes;
      }
      case 1 -> {
        int keep = n == 0 ? 0 : random.nextInt(n);
        description.append("truncated to ").append(keep).append(" bytes");
        return Arrays.copyOf(bytes, keep);
      }
      case 2 -> {
        int at = random.nextInt(n + 1);
        int count = 1 + random.nextInt(8);
        byte[] out = new byte[n + count];
        System.arraycopy(bytes, 0, out, 0, at);
        for (int i = 0; i < count; i++) {
          out[at + i] = (byte) random.nextInt(256);
        }
        System.arraycopy(bytes, at, out, at + count, n - at);
        description.append(count).append(" byte(s) inserted at ").append(at);
        return out;
      }
      case 3 -> {
        if (n == 0) {
          description.append("nothing to delete");
          return bytes;
        }
        int at = random.nextInt(n);
        int count = 1 + random.nextInt(Math.min(16, n - at));
        byte[] out = new byte[n - count];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + count, out, at, n - at - count);
        description.append(count).append(" byte(s) deleted at ").append(at);
        return out;
      }
      default -> {
        if (n == 0) {
          description.append("nothing to duplicate");
          return bytes;
        }
        int from = random.nextInt(n);
        int count = 1 + random.nextInt(Math.min(64, n - from));
        int at = random.nextInt(n + 1);
        byte[] out = new byte[n + count];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, from, out, at, count);
        System.arraycopy(bytes, at, out, at + count, n - at);
        description
            .append(count)
            .append(" byte(s) from ")
            .append(from)
            .append(" duplicated at ")
            .append(at);
        return out;
      }
    }
  }
}
