package io.latentquery.data;

import io.latentquery.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a folder of PNG/JPEG images. Images directly in the folder form an unlabeled dataset; one
 * sub-folder per class gives labels (class names are the sub-folder names, sorted). Example ids are
 * paths relative to the folder. Reading checks every file's header; pixels are decoded when a batch
 * asks for them, so memory does not grow with the folder.
 */
public final class ImageFolderReader {
  /**
   * Decoded images kept in memory per folder at most: an eighth of the heap, up to 256 MiB, so that
   * a dataset's train, validation and test folders together stay well inside the heap.
   */
  static final long DEFAULT_CACHE_BYTES =
      Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);

  private final ImageFolderOptions options;
  private final long cacheBytes;

  public ImageFolderReader(ImageFolderOptions options) {
    this(options, DEFAULT_CACHE_BYTES);
  }

  /**
   * @param cacheBytes decoded images each dataset keeps in memory at most; the rest are decoded
   *     again each time they are read
   */
  public ImageFolderReader(ImageFolderOptions options, long cacheBytes) {
    this.options = options;
    this.cacheBytes = cacheBytes;
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

  /**
   * Checks every file's header (readable, one shared size unless resizing) without decoding pixels,
   * then returns a dataset that decodes images when they are asked for.
   */
  private Dataset decode(
      Path root, Path folder, List<Path> files, List<String> classNames, List<Integer> labels) {
    ImageShape shape = null;
    Path first = null;
    for (Path file : files) {
      ImageShape header = ImageDecoder.headerSize(file);
      if (options.resize() != null) {
        continue;
      }
      if (shape == null) {
        shape = header;
        first = file;
      } else if (shape.height() != header.height() || shape.width() != header.width()) {
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
                + header.height()
                + "x"
                + header.width()
                + "; use --resize HxW");
      }
    }
    ImageShape decoded =
        options.resize() != null
            ? new ImageShape(
                options.resize().height(), options.resize().width(), options.channels())
            : new ImageShape(shape.height(), shape.width(), options.channels());
    int[] labelArray =
        classNames.isEmpty() ? null : labels.stream().mapToInt(Integer::intValue).toArray();
    return new ImageFolderDataset(
        folder.getFileName().toString(),
        decoded,
        new ImageFolderDataset.Listing(root, files, labelArray, classNames),
        new ImageDecoder(options),
        cacheBytes);
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
