package io.latentquery.data;

import io.latentquery.InputException;
import io.latentquery.files.Checksums;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads a folder of PNG/JPEG images. Images directly in the folder form an unlabeled dataset; one
 * sub-folder per class gives labels (class names are the sub-folder names, sorted). Example ids are
 * paths relative to the folder.
 */
public final class ImageFolderReader {
  private final ImageFolderOptions options;

  public ImageFolderReader(ImageFolderOptions options) {
    this.options = options;
  }

  public Dataset read(Path folder) {
    return read(folder, folder, classNames(folder));
  }

  /**
   * Reads {@code folder}, naming each example by its path relative to {@code root}. Class
   * sub-folders get their index in {@code classNames}, so that several folders (train/, val/,
   * test/) share one numbering; a flat folder is unlabeled.
   */
  public Dataset read(Path root, Path folder, List<String> classNames) {
    if (!Files.isDirectory(folder)) {
      throw new InputException("missing image folder: " + folder);
    }
    List<Path> topFiles = imagesIn(folder);
    List<Path> classFolders = subFolders(folder);
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    boolean labeled = !classFolders.isEmpty();
    if (labeled) {
      if (!topFiles.isEmpty()) {
        throw new InputException(
            "image folder "
                + folder
                + " mixes images ("
                + folder.relativize(topFiles.get(0))
                + ") with class sub-folders; put every image in a class sub-folder or none");
      }
      for (Path classFolder : classFolders) {
        List<Path> images = imagesIn(classFolder);
        if (images.isEmpty()) {
          continue;
        }
        int label = classNames.indexOf(classFolder.getFileName().toString());
        if (label < 0) {
          throw new IllegalArgumentException(
              "class folder " + classFolder + " is not among the classes " + classNames);
        }
        for (Path image : images) {
          files.add(image);
          labels.add(label);
        }
      }
    } else {
      files.addAll(topFiles);
    }
    if (files.isEmpty()) {
      throw new InputException("image folder " + folder + " holds no .png or .jpg images");
    }
    return decode(root, folder, files, labeled ? classNames : List.of(), labels);
  }

  /** The sub-folders of {@code folder} that hold images, sorted; empty for a flat folder. */
  public static List<String> classNames(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new InputException("missing image folder: " + folder);
    }
    return subFolders(folder).stream()
        .filter(sub -> !imagesIn(sub).isEmpty())
        .map(sub -> sub.getFileName().toString())
        .toList();
  }

  private Dataset decode(
      Path root, Path folder, List<Path> files, List<String> classNames, List<Integer> labels) {
    ImageShape shape = null;
    Path first = null;
    byte[] pixels = null;
    MessageDigest digest = Checksums.sha256();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      BufferedImage image = load(file);
      if (options.resize() != null) {
        image = resize(image, options.resize().height(), options.resize().width());
      }
      ImageShape current = new ImageShape(image.getHeight(), image.getWidth(), options.channels());
      if (shape == null) {
        shape = current;
        first = file;
        pixels = new byte[files.size() * shape.size()];
      } else if (!shape.equals(current)) {
        throw new InputException(
            "images differ in size: "
                + root.relativize(first)
                + " is "
                + shape.height()
                + "x"
                + shape.width()
                + " but "
                + root.relativize(file)
                + " is "
                + current.height()
                + "x"
                + current.width()
                + "; use --resize HxW");
      }
      copyPixels(image, pixels, i * shape.size());
      digest.update(
          root.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      digest.update(pixels, i * shape.size(), shape.size());
    }
    List<String> ids = files.stream().map(f -> root.relativize(f).toString()).toList();
    int[] labelArray =
        classNames.isEmpty() ? null : labels.stream().mapToInt(Integer::intValue).toArray();
    return new ByteImageDataset(
        folder.getFileName().toString(),
        shape,
        pixels,
        labelArray,
        classNames,
        ids::get,
        Checksums.hex(digest));
  }

  private void copyPixels(BufferedImage image, byte[] dest, int offset) {
    int h = image.getHeight();
    int w = image.getWidth();
    int c = options.channels();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        int at = offset + (y * w + x) * c;
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
      BufferedImage image = ImageIO.read(file.toFile());
      if (image == null) {
        throw new InputException("not a readable PNG/JPEG image: " + file);
      }
      return image;
    } catch (IOException e) {
      throw new InputException("cannot read image " + file + ": " + e.getMessage(), e);
    }
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

  private static List<Path> imagesIn(Path folder) {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(Files::isRegularFile).filter(ImageFolderReader::isImage).sorted().toList();
    } catch (IOException e) {
      throw new InputException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> subFolders(Path folder) {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InputException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
  }
}
