package io.latentquery.sampling.io;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Parses a plain decimal number from ASCII bytes to the double that {@link Double#parseDouble}
 * gives for the same text, bit for bit, at a fraction of its cost on 17-digit values (which send
 * the JDK's parser into big-integer arithmetic). Plain means an optional sign, digits with an
 * optional point, and an optional exponent; at most 19 significant digits, held as an unsigned long
 * (19 digits may pass {@code Long.MAX_VALUE}).
 *
 * <p>Values that fit a double exactly on both sides (at most 2^53, a power of ten up to 10^22) are
 * one multiplication or division (Clinger's fast path); the rest go through the Eisel-Lemire
 * algorithm (Lemire 2021, "Number parsing at a gigabyte per second"), which multiplies the digits
 * by a 128-bit approximation of the power of ten and rounds once. Whatever is not plain, or falls
 * where the 128-bit product cannot decide the rounding, or near the ends of the double range, is
 * handed to {@link Double#parseDouble}; so is everything it would reject, so a bad value throws its
 * {@link NumberFormatException}.
 */
final class DecimalParser {
  private static final int SMALLEST_POWER = -325;
  private static final int LARGEST_POWER = 308;
  private static final int MAX_DIGITS = 19;
  private static final double[] EXACT_POWERS = new double[23];

  /** High and low 64 bits of 5^q, normalised to 128 bits, for q from -325 to 308. */
  private static final long[] POWER_HIGH = new long[LARGEST_POWER - SMALLEST_POWER + 1];

  private static final long[] POWER_LOW = new long[POWER_HIGH.length];

  static {
    double p = 1;
    for (int i = 0; i < EXACT_POWERS.length; i++) {
      EXACT_POWERS[i] = p;
      p *= 10;
    }
    BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    for (int q = SMALLEST_POWER; q <= LARGEST_POWER; q++) {
      BigInteger c;
      if (q >= 0) {
        // 5^q with its top bit moved to bit 127, truncated.
        BigInteger power = BigInteger.valueOf(5).pow(q);
        int shift = power.bitLength() - 128;
        c = shift > 0 ? power.shiftRight(shift) : power.shiftLeft(-shift);
      } else {
        // 2^b / 5^-q, one more than the quotient, truncated to 128 bits.
        BigInteger power = BigInteger.valueOf(5).pow(-q);
        int z = power.bitLength();
        int b = q >= -27 ? z + 127 : 2 * z + 128;
        c = BigInteger.ONE.shiftLeft(b).divide(power).add(BigInteger.ONE);
        if (c.bitLength() > 128) {
          c = c.shiftRight(c.bitLength() - 128);
        }
      }
      POWER_HIGH[q - SMALLEST_POWER] = c.shiftRight(64).longValue();
      POWER_LOW[q - SMALLEST_POWER] = c.and(mask).longValue();
    }
  }

  private DecimalParser() {}

  /** The double of bytes [from, to), as {@link Double#parseDouble} reads their text. */
  static double parse(byte[] bytes, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
      negative = bytes[i] == '-';
      i++;
    }
    long digits = 0;
    int significant = 0;
    int exponent = 0;
    int seen = 0;
    while (i < to && isDigit(bytes[i])) {
      significant = addDigit(significant, bytes[i]);
      digits = significant > 0 ? digits * 10 + (bytes[i] - '0') : 0;
      seen++;
      i++;
    }
    if (i < to && bytes[i] == '.') {
      i++;
      while (i < to && isDigit(bytes[i])) {
        significant = addDigit(significant, bytes[i]);
        digits = significant > 0 ? digits * 10 + (bytes[i] - '0') : 0;
        exponent--;
        seen++;
        i++;
      }
    }
    if (seen == 0 || significant > MAX_DIGITS) {
      return fallback(bytes, from, to);
    }
    if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
        negativeExponent = bytes[i] == '-';
        i++;
      }
      int start = i;
      int value = 0;
      while (i < to && isDigit(bytes[i]) && i - start < 5) {
        value = value * 10 + (bytes[i] - '0');
        i++;
      }
      if (i == start || (i < to && isDigit(bytes[i]))) {
        return fallback(bytes, from, to);
      }
      exponent += negativeExponent ? -value : value;
    }
    if (i != to) {
      return fallback(bytes, from, to);
    }
    if (digits == 0) {
      return negative ? -0.0 : 0.0;
    }
    double value;
    if (digits > 0 && digits <= (1L << 53) && exponent >= -22 && exponent <= 22) {
      double d = digits;
      value = exponent >= 0 ? d * EXACT_POWERS[exponent] : d / EXACT_POWERS[-exponent];
    } else {
      value = eiselLemire(digits, exponent);
      if (Double.isNaN(value)) {
        return fallback(bytes, from, to);
      }
    }
    return negative ? -value : value;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** Significant digits after one more digit: leading zeros do not count. */
  private static int addDigit(int significant, byte b) {
    return significant > 0 || b != '0' ? significant + 1 : 0;
  }

  private static double fallback(byte[] bytes, int from, int to) {
    return Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
  }

  /**
   * The double nearest digits x 10^power (digits > 0), or NaN when the 128-bit product cannot
   * decide, or the result is subnormal, infinite or out of the table's range.
   */
  private static double eiselLemire(long digits, int power) {
    if (power < SMALLEST_POWER || power > LARGEST_POWER) {
      return Double.NaN;
    }
    long factorHigh = POWER_HIGH[power - SMALLEST_POWER];
    long exponent = (((152170L + 65536L) * power) >> 16) + 1024 + 63;
    int lz = Long.numberOfLeadingZeros(digits);
    long w = digits << lz;
    long lower = w * factorHigh;
    long upper = unsignedMultiplyHigh(w, factorHigh);
    if ((upper & 0x1FF) == 0x1FF && Long.compareUnsigned(lower + w, lower) < 0) {
      long factorLow = POWER_LOW[power - SMALLEST_POWER];
      long productLow = w * factorLow;
      long productMiddle2 = unsignedMultiplyHigh(w, factorLow);
      long productMiddle1 = lower;
      long productHigh = upper;
      long productMiddle = productMiddle1 + productMiddle2;
      if (Long.compareUnsigned(productMiddle, productMiddle1) < 0) {
        productHigh++;
      }
      if (productMiddle + 1 == 0
          && (productHigh & 0x1FF) == 0x1FF
          && Long.compareUnsigned(productLow + w, productLow) < 0) {
        return Double.NaN;
      }
      upper = productHigh;
      lower = productMiddle;
    }
    long upperBit = upper >>> 63;
    long mantissa = upper >>> (upperBit + 9);
    lz += (int) (1 ^ upperBit);
    if (lower == 0 && (upper & 0x1FF) == 0 && (mantissa & 3) == 1) {
      return Double.NaN;
    }
    mantissa += mantissa & 1;
    mantissa >>>= 1;
    if (mantissa >= (1L << 53)) {
      mantissa = 1L << 52;
      lz--;
    }
    mantissa &= ~(1L << 52);
    long realExponent = exponent - lz;
    if (realExponent < 1 || realExponent > 2046) {
      return Double.NaN;
    }
    return Double.longBitsToDouble(mantissa | (realExponent << 52));
  }

  /** The high 64 bits of the unsigned 128-bit product of a and b. */
  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }
}
