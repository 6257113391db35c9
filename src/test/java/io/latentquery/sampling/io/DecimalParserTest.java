package io.latentquery.sampling.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalParserTest {
  private static void same(String text) {
    byte[] bytes = ("," + text + ",").getBytes(StandardCharsets.ISO_8859_1);
    double expected = Double.parseDouble(text);
    double got = DecimalParser.parse(bytes, 1, bytes.length - 1);
    assertEquals(
        Double.doubleToRawLongBits(expected),
        Double.doubleToRawLongBits(got),
        () -> text + ": parseDouble " + expected + ", parser " + got);
  }

  @Test
  void hardAndEdgeCasesReadAsTheJdkReadsThem() {
    String[] cases = {
      "0",
      "-0",
      "0.0",
      "-0.0",
      "+1",
      "1.",
      ".5",
      "-.5",
      "+.5",
      "0.1",
      "0.3",
      "1e23",
      "8.41e21",
      "9007199254740992",
      "9007199254740993",
      "9007199254740995",
      "18014398509481985",
      "1.7976931348623157e308",
      "1.7976931348623158e308",
      "1.8e308",
      "2.2250738585072011e-308",
      "2.2250738585072014e-308",
      "4.9e-324",
      "2.4703282292062327e-324",
      "1e-400",
      "1e400",
      "123456789012345678",
      "1234567890123456789",
      "12345678901234567890",
      "0.000000000000000000001",
      "1E5",
      "1e+5",
      "1e-5",
      "1e00005",
      "1.0E-5",
      "-2.1097388824277563",
      "3.9039804122732624",
      "7.2057594037927933e16",
      "1.00000000000000011102230246251565404236316680908203125",
      "0.500000000000000166533453693773481063544750213623046875",
      "5e-324",
      "1e-323",
      "9.999999999999999e22",
      "1.0000000000000001e23",
      "123.456e-2",
      "0000000000000000000012.5"
    };
    for (String text : cases) {
      same(text);
    }
  }

  @Test
  void millionsOfRandomValuesReadBitForBitAsTheJdkReadsThem() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 400_000; i++) {
      // Any double, as Double.toString and as 17 significant digits (the latent CSV's form).
      double any = Double.longBitsToDouble(random.nextLong());
      if (!Double.isFinite(any)) {
        continue;
      }
      same(Double.toString(any));
      same(String.format(Locale.ROOT, "%.16e", any));
      // Coordinates of an autoencoder's latent space.
      double latent = random.nextGaussian() * Math.pow(10, random.nextInt(-6, 7));
      same(Double.toString(latent));
      same(String.format(Locale.ROOT, "%.17g", latent));
      // Random digit strings: 1 to 20 digits, a point anywhere, an exponent.
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
      int length = random.nextInt(1, 21);
      int point = random.nextInt(length + 1);
      for (int d = 0; d < length; d++) {
        if (d == point) {
          text.append('.');
        }
        text.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextBoolean()) {
        text.append('e').append(random.nextInt(-345, 330));
      }
      same(text.toString());
    }
  }

  @Test
  void numbersHalfwayBetweenTwoDoublesRoundAsTheJdkRoundsThem() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      double a = Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
      double b = Math.nextUp(a);
      // The exact midpoint of two neighbouring doubles, cut to 19 significant digits.
      String mid =
          new java.math.BigDecimal(a)
              .add(new java.math.BigDecimal(b))
              .divide(java.math.BigDecimal.valueOf(2))
              .round(new java.math.MathContext(19))
              .toString();
      same(mid);
    }
  }

  @Test
  void textThatIsNotANumberFailsAsTheJdkFails() {
    for (String text : new String[] {"", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "abc"}) {
      byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
      assertThrows(
          NumberFormatException.class,
          () -> DecimalParser.parse(bytes, 0, bytes.length),
          "'" + text + "'");
    }
    // The JDK's other spellings still read (through it).
    for (String text : new String[] {"NaN", "-Infinity", "1.5d", "0x1p3", " 2.5"}) {
      byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
      assertEquals(
          Double.doubleToRawLongBits(Double.parseDouble(text)),
          Double.doubleToRawLongBits(DecimalParser.parse(bytes, 0, bytes.length)),
          text);
    }
  }
}
