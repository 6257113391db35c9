package io.latentquery.report;

/**
 * Makes AWT run without a display. Every class here that draws calls {@link #ensure()} first, so
 * pictures render on servers and in CI even when the JVM was started without {@code
 * -Djava.awt.headless=true}.
 */
final class Headless {
  private Headless() {}

  static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
