package io.latentquery.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the evaluation classifier makes the most of n labels: {@code scratch} trains on them alone;
 * {@code augment} adds seeded random shifts and small rotations; {@code propagate} adds every
 * other pool image with the label spread to it from the n over the encodings, weighted by
 * confidence. Parts combine with {@code +}, e.g. {@code propagate+augment}. No recipe reads a
 * validation or test label.
 *
 * @param augment random shifts and rotations of every training image
 * @param propagate train on the pool's spread labels too
 */
public record Recipe(boolean augment, boolean propagate) {
  public static final Recipe SCRATCH = new Recipe(false, false);
  public static final List<String> KNOWN =
      List.of("scratch", "augment", "propagate", "propagate+augment");

  /** Parses {@code scratch}, {@code augment}, {@code propagate} or a {@code +} combination. */
  public static Recipe parse(String text) {
    String name = text.trim().toLowerCase(Locale.ROOT);
    if (name.equals("scratch")) {
      return SCRATCH;
    }
    boolean augment = false;
    boolean propagate = false;
    for (String part : name.split("\\+", -1)) {
      switch (part) {
        case "augment" -> {
          if (augment) {
            throw unknown(text);
          }
          augment = true;
        }
        case "propagate" -> {
          if (propagate) {
            throw unknown(text);
          }
          propagate = true;
        }
        default -> throw unknown(text);
      }
    }
    return new Recipe(augment, propagate);
  }

  private static IllegalArgumentException unknown(String text) {
    return new IllegalArgumentException(
        "unknown recipe '" + text + "'; known: " + String.join(", ", KNOWN));
  }

  /** The canonical name: {@code scratch}, or the parts in the order propagate, augment. */
  public String label() {
    List<String> parts = new ArrayList<>();
    if (propagate) {
      parts.add("propagate");
    }
    if (augment) {
      parts.add("augment");
    }
    return parts.isEmpty() ? "scratch" : String.join("+", parts);
  }
}
