package io.latentquery.report;

import java.awt.Color;

/**
 * Colours for classes and clusters: the ten Tableau colours people know from matplotlib, then
 * further hues spaced by the golden angle so any number of groups stays distinguishable.
 */
public final class Palette {
  /** The pool behind a highlighted subset. */
  public static final Color POOL = new Color(0xC8, 0xC8, 0xC8);

  /** Highlighted points when no group colours them. */
  public static final Color HIGHLIGHT = new Color(0xD6, 0x27, 0x28);

  /** Outline of highlighted markers. */
  public static final Color OUTLINE = Color.BLACK;

  private static final int[] TABLEAU = {
    0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22,
    0x17becf
  };

  private Palette() {}

  /** Colour of group {@code index} (>= 0). */
  public static Color color(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("colour index must be >= 0, got " + index);
    }
    if (index < TABLEAU.length) {
      return new Color(TABLEAU[index]);
    }
    float hue = (float) (((index - TABLEAU.length) * 0.618033988749895) % 1.0);
    return Color.getHSBColor(hue, 0.65f, 0.85f);
  }

  /** The colour with the given opacity (0..255), for faint backgrounds. */
  public static Color faint(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }
}
