package io.latentquery.data;

import io.latentquery.InputException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns one PNG/JPEG image, a file or encoded bytes, into HWC bytes (grayscale or RGB, optionally
 * resized). Any image it cannot read gives an {@link InputException} naming the image, never an
 * exception from the image codecs.
 */
public final class ImageDecoder {
  /** Larger images are refused before decoding: 8192 x 8192 pixels would already be 256 MiB. */
  static final long MAX_PIXELS = 1L << 26;

  private final ImageFolderOptions options;

  public ImageDecoder(ImageFolderOptions options) {
    this.options = options;
  }

  /** One decoded image: its shape (channels as the options ask) and its HWC bytes. */
  public record Decoded(ImageShape shape, byte[] pixels) {}

  /**
   * The size {@code file} declares in its header, read without decoding pixels, so that a junk file
   * in a large folder is reported before any work starts.
   */
  static ImageShape headerSize(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      return headerSize(in, file.toString());
    } catch (IOException | RuntimeException e) {
      throw failure(file.toString(), e);
    }
  }

  private static ImageShape headerSize(ImageInputStream in, String image) throws IOException {
    if (in == null) {
      throw unreadable(image);
    }
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext()) {
      throw unreadable(image);
    }
    ImageReader reader = readers.next();
    try {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      checkPixels(image, width, height);
      return new ImageShape(height, width, 1);
    } finally {
      reader.dispose();
    }
  }

  /** The pixels of {@code file} as bytes of {@code shape} (checked against the decoded size). */
  byte[] decode(Path file, ImageShape shape) {
    return pixels(sized(load(file)), file.toString(), shape);
  }

  /**
   * The pixels of the PNG/JPEG {@code encoded}, resized when the options say so; {@code image}
   * names it in messages (e.g. its id in a table).
   */
  public Decoded decode(byte[] encoded, String image) {
    BufferedImage decoded = sized(load(encoded, image));
    ImageShape shape = new ImageShape(decoded.getHeight(), decoded.getWidth(), options.channels());
    return new Decoded(shape, pixels(decoded, image, shape));
  }

  private BufferedImage sized(BufferedImage image) {
    return options.resize() == null
        ? image
        : resize(image, options.resize().height(), options.resize().width());
  }

  private byte[] pixels(BufferedImage image, String name, ImageShape shape) {
    if (image.getHeight() != shape.height() || image.getWidth() != shape.width()) {
      throw new InputException(
          "image "
              + name
              + " decodes to "
              + image.getHeight()
              + "x"
              + image.getWidth()
              + " but its header and the other images say "
              + shape.height()
              + "x"
              + shape.width());
    }
    byte[] pixels = new byte[shape.size()];
    copyPixels(image, pixels);
    return pixels;
  }

  private void copyPixels(BufferedImage image, byte[] dest) {
    int h = image.getHeight();
    int w = image.getWidth();
    int c = options.channels();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int rgb = row[x];
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        int at = (y * w + x) * c;
        if (c == 1) {
          dest[at] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
        } else {
          dest[at] = (byte) r;
          dest[at + 1] = (byte) g;
          dest[at + 2] = (byte) b;
        }
      }
    }
  }

  private static BufferedImage load(Path file) {
    try {
      headerSize(file);
      BufferedImage image = ImageIO.read(file.toFile());
      if (image == null) {
        throw unreadable(file.toString());
      }
      return image;
    } catch (IOException | RuntimeException e) {
      throw failure(file.toString(), e);
    }
  }

  private static BufferedImage load(byte[] encoded, String name) {
    try {
      try (ImageInputStream in =
          ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
        headerSize(in, name);
      }
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
      if (image == null) {
        throw unreadable(name);
      }
      return image;
    } catch (IOException | RuntimeException e) {
      throw failure(name, e);
    }
  }

  private static void checkPixels(String file, int width, int height) {
    if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
      throw new InputException(
          "image "
              + file
              + " declares "
              + height
              + "x"
              + width
              + " pixels; readable images have 1 to "
              + MAX_PIXELS
              + " pixels");
    }
  }

  private static InputException unreadable(String file) {
    return new InputException("not a readable PNG/JPEG image: " + file);
  }

  private static InputException failure(String file, Exception e) {
    if (e instanceof InputException input) {
      return input;
    }
    String detail =
        e.getMessage() == null || e.getMessage().isBlank()
            ? "the file is damaged or truncated"
            : e.getMessage().strip().replaceAll("\\s+", " ");
    return new InputException("cannot read image " + file + ": " + detail, e);
  }

  private static BufferedImage resize(BufferedImage image, int height, int width) {
    if (image.getHeight() == height && image.getWidth() == width) {
      return image;
    }
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    return out;
  }
}
