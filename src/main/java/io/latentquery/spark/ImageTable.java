package io.latentquery.spark;

import io.latentquery.data.ImageFolderOptions;

/**
 * A Parquet table of encoded images, one row per image: an id, the PNG or JPEG bytes, and
 * optionally a label, in columns the user names. Rows are numbered in the order Spark reads the
 * table, and that number is the encodings' {@code index}. Every image decodes as an image folder's
 * would ({@code --channels}, {@code --resize}), so all must come out at one size.
 *
 * @param path the table (a folder or URI Spark reads)
 * @param columns the columns that hold the id, the bytes and the label
 * @param decoding channels and the size images are scaled to (null resize: as stored)
 */
public record ImageTable(String path, Columns columns, ImageFolderOptions decoding)
    implements EncodeSource {
  public ImageTable {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("--images is required");
    }
    columns = columns == null ? Columns.DEFAULT : columns;
    decoding = decoding == null ? ImageFolderOptions.grayscale() : decoding;
  }

  /**
   * Whether {@code data}, as given to {@code --data}, names a Parquet image table rather than a
   * dataset: a path whose last part ends in {@code .parquet}, or a URI ({@code hdfs://...}).
   */
  public static boolean isTable(String data) {
    if (data == null) {
      return false;
    }
    String trimmed = data.strip().replaceAll("/+$", "");
    return trimmed.contains("://")
        || trimmed.toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
  }

  /**
   * Column names.
   *
   * @param id string column of image ids
   * @param image binary column of PNG/JPEG bytes
   * @param label string or integer column of labels, or null when the table has none
   */
  public record Columns(String id, String image, String label) {
    public static final Columns DEFAULT = new Columns("id", "image", null);

    public Columns {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("--id-column must name a column");
      }
      if (image == null || image.isBlank()) {
        throw new IllegalArgumentException("--image-column must name a column");
      }
      label = label == null || label.isBlank() ? null : label;
    }
  }
}
