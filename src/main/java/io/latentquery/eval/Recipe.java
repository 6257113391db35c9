package io.latentquery.eval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the evaluation classifier makes the most of n labels: {@code scratch} trains on them alone;
 * {@code augment} adds seeded random shifts and small rotations; {@code propagate} adds every other
 * pool image with the label spread to it from the n over the encodings, weighted by confidence;
 * {@code transfer} starts the classifier's convolutions from the exported encoder's weights, then
 * fine-tunes them. Parts combine with {@code +}, e.g. {@code propagate+augment}. No recipe reads a
 * validation or test label.
 *
 * @param augment random shifts and rotations of every training image
 * @param propagate train on the pool's spread labels too
 * @param transfer start from the encoder's convolutions
 */
public record Recipe(boolean augment, boolean propagate, boolean transfer) {
  public static final Recipe SCRATCH = new Recipe(false, false, false);
  private static final List<String> PARTS = List.of("transfer", "propagate", "augment");

  /** Examples of every kind, for help texts and tests. */
  public static final List<String> KNOWN =
      List.of(
          "scratch",
          "augment",
          "propagate",
          "transfer",
          "propagate+augment",
          "transfer+augment",
          "transfer+propagate+augment");

  /** Parses {@code scratch}, {@code augment}, {@code propagate} or a {@code +} combination. */
  @JsonCreator
  public static Recipe parse(String text) {
    String name = text.trim().toLowerCase(Locale.ROOT);
    if (name.equals("scratch")) {
      return SCRATCH;
    }
    List<String> parts = List.of(name.split("\\+", -1));
    for (String part : parts) {
      if (!PARTS.contains(part) || parts.indexOf(part) != parts.lastIndexOf(part)) {
        throw new IllegalArgumentException(
            "unknown recipe '"
                + text
                + "'; give scratch or any of "
                + String.join(", ", PARTS)
                + " joined by +");
      }
    }
    return new Recipe(
        parts.contains("augment"), parts.contains("propagate"), parts.contains("transfer"));
  }

  /**
   * Whether the recipe reads an encoder: its encodings to propagate, or its weights to transfer.
   */
  public boolean needsEncoder() {
    return propagate || transfer;
  }

  /** The canonical name: scratch, or the parts in the order transfer, propagate, augment. */
  @JsonValue
  public String label() {
    List<String> parts = new ArrayList<>();
    if (transfer) {
      parts.add("transfer");
    }
    if (propagate) {
      parts.add("propagate");
    }
    if (augment) {
      parts.add("augment");
    }
    return parts.isEmpty() ? "scratch" : String.join("+", parts);
  }
}
