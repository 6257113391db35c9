package io.latentquery.data;

/** Height, width and channels of one image; pixels are stored in that order (HWC). */
public record ImageShape(int height, int width, int channels) {
  public ImageShape {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "image size must be at least 1x1, got " + height + "x" + width);
    }
    if (channels < 1) {
      throw new IllegalArgumentException("channels must be >= 1, got " + channels);
    }
  }

  /** Parses {@code HxW} or {@code HxWxC} (channels default to 1). */
  public static ImageShape parse(String text) {
    String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
    try {
      if (parts.length == 2) {
        return new ImageShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 1);
      }
      if (parts.length == 3) {
        return new ImageShape(
            Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "image size must look like 28x28 or 32x32x3, got '" + text + "'");
  }

  /** Values per image: height * width * channels. */
  public int size() {
    return height * width * channels;
  }

  public long[] batchShape(long batch) {
    return new long[] {batch, height, width, channels};
  }

  @Override
  public String toString() {
    return height + "x" + width + "x" + channels;
  }
}
