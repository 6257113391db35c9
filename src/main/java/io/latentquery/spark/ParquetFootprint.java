package io.latentquery.spark;

import io.latentquery.InputException;
import io.latentquery.files.Checksums;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/**
 * Identifies a Parquet input without reading it through: the SHA-256 of its data files' relative
 * names and byte lengths, in name order, and its row count. Hashing every byte of a billion
 * encodings on the driver would cost more than the selection; a rewritten or re-partitioned table
 * gets another footprint.
 */
final class ParquetFootprint {
  /** What the footprint covers, for the selection record. */
  static final String RULE =
      "SHA-256 of the data files' relative names and byte lengths, in name order, and the row count";

  private ParquetFootprint() {}

  static String of(SparkSession spark, String location, long rows) {
    try {
      Path root = new Path(location);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path qualified = fs.makeQualified(root);
      List<String> lines = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(qualified, true);
      while (files.hasNext()) {
        LocatedFileStatus file = files.next();
        String name = file.getPath().getName();
        if (name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        String relative = qualified.toUri().relativize(file.getPath().toUri()).getPath();
        lines.add(relative + "\t" + file.getLen());
      }
      lines.sort(null);
      MessageDigest digest = Checksums.sha256();
      for (String line : lines) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      digest.update(("rows\t" + rows + "\n").getBytes(StandardCharsets.UTF_8));
      return Checksums.hex(digest);
    } catch (IOException e) {
      throw new InputException("cannot list " + location + ": " + e.getMessage(), e);
    }
  }
}
