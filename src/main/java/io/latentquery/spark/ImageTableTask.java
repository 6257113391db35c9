package io.latentquery.spark;

import io.latentquery.InputException;
import io.latentquery.data.ByteImageDataset;
import io.latentquery.data.ImageDecoder;
import io.latentquery.data.ImageFolderOptions;
import io.latentquery.data.ImageShape;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * What one executor task does for a Parquet image table: decode its rows' PNG/JPEG bytes as an
 * image folder's images are decoded, load the models once ({@link PartitionEncoder}) and encode the
 * images. Input rows are (id, bytes), or (id, bytes, label) when the table names a label column,
 * each with its row number in the table.
 */
final class ImageTableTask implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final int channels;
  private final String resize;
  private final String modelsJson;
  private final boolean labeled;

  ImageTableTask(ImageTable table, SparkEncodeSettings settings) {
    this.table = table.path();
    this.labeled = table.columns().label() != null;
    this.channels = table.decoding().channels();
    this.resize = table.decoding().resize() == null ? null : table.decoding().resize().toString();
    this.modelsJson = PartitionEncoder.json(settings.models());
  }

  Iterator<Row> run(Iterator<Tuple2<Row, Long>> numbered) {
    List<Tuple2<Row, Long>> mine = new ArrayList<>();
    numbered.forEachRemaining(mine::add);
    if (mine.isEmpty()) {
      return List.<Row>of().iterator();
    }
    ImageDecoder decoder =
        new ImageDecoder(
            new ImageFolderOptions(channels, resize == null ? null : ImageShape.parse(resize)));
    ByteArrayOutputStream pixels = new ByteArrayOutputStream();
    List<String> ids = new ArrayList<>(mine.size());
    Map<String, Integer> classes = new LinkedHashMap<>();
    int[] labels = labeled ? new int[mine.size()] : null;
    ImageShape shape = null;
    String first = null;
    for (int i = 0; i < mine.size(); i++) {
      Row row = mine.get(i)._1();
      String id = row.isNullAt(0) ? null : row.get(0).toString();
      if (id == null || row.isNullAt(1)) {
        throw new InputException(
            "row "
                + mine.get(i)._2()
                + " of "
                + table
                + " has no "
                + (id == null ? "id" : "image"));
      }
      ImageDecoder.Decoded image = decoder.decode((byte[]) row.get(1), id + " of " + table);
      if (shape == null) {
        shape = image.shape();
        first = id;
      } else if (!shape.equals(image.shape())) {
        throw new InputException(
            "image "
                + id
                + " of "
                + table
                + " is "
                + image.shape()
                + " but image "
                + first
                + " is "
                + shape
                + "; give --resize HxW");
      }
      pixels.writeBytes(image.pixels());
      ids.add(id);
      if (labeled) {
        String label = row.isNullAt(2) ? "" : row.get(2).toString();
        labels[i] = classes.computeIfAbsent(label, l -> classes.size());
      }
    }
    ByteImageDataset images =
        new ByteImageDataset(
            table,
            shape,
            pixels.toByteArray(),
            labels,
            labeled ? List.copyOf(classes.keySet()) : List.of(),
            ids::get,
            "");
    try (PartitionEncoder encoder = PartitionEncoder.open(PartitionEncoder.parse(modelsJson))) {
      return encoder.rows(images, mine.stream().mapToLong(Tuple2::_2).toArray()).iterator();
    }
  }
}
