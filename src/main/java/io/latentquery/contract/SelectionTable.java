package io.latentquery.contract;

import java.util.List;

/**
 * The rows of a {@code selection.csv}: the queries in the order they should be labeled.
 *
 * @param latentDim number of latent coordinates z1..zL per row
 * @param labeled whether the file has a label column (the pool had labels), even where the rows
 *     shown have none
 * @param rows the queries by rank
 */
public record SelectionTable(int latentDim, boolean labeled, List<Row> rows) {
  public SelectionTable {
    if (latentDim < 1) {
      throw new IllegalArgumentException("latentDim must be >= 1, got " + latentDim);
    }
    rows = List.copyOf(rows);
    for (Row row : rows) {
      if (row.z().length != latentDim) {
        throw new IllegalArgumentException(
            "rank "
                + row.rank()
                + " has "
                + row.z().length
                + " coordinates, expected "
                + latentDim);
      }
    }
  }

  /**
   * One query.
   *
   * @param rank 1-based position in labeling order
   * @param index index of the example in the pool the selection was drawn from
   * @param id the example's id in its source
   * @param label the known class name, or empty when unknown
   * @param z the example's encoding
   * @param cluster the cluster that produced the query, -1 when the strategy does not cluster
   * @param drawDistance distance from the draw that picked it, NaN when the strategy has no draw
   */
  public record Row(
      int rank, int index, String id, String label, double[] z, int cluster, double drawDistance) {
    public Row {
      z = z.clone();
    }

    @Override
    public double[] z() {
      return z.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Row r
          && r.rank == rank
          && r.index == index
          && r.id.equals(id)
          && r.label.equals(label)
          && java.util.Arrays.equals(r.z, z)
          && r.cluster == cluster
          && Double.compare(r.drawDistance, drawDistance) == 0;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(
          rank, index, id, label, java.util.Arrays.hashCode(z), cluster, drawDistance);
    }

    @Override
    public String toString() {
      return "Row["
          + rank
          + ", "
          + index
          + ", "
          + id
          + ", '"
          + label
          + "', "
          + java.util.Arrays.toString(z)
          + ", "
          + cluster
          + ", "
          + drawDistance
          + "]";
    }
  }

  /** A table whose label column is there when some row has a label. */
  public SelectionTable(int latentDim, List<Row> rows) {
    this(latentDim, rows.stream().anyMatch(r -> !r.label().isEmpty()), rows);
  }

  /** Whether some row came from a cluster, so that the file has a cluster column. */
  public boolean clustered() {
    return rows.stream().anyMatch(r -> r.cluster() >= 0);
  }

  /** Pool indices by rank. */
  public int[] indices() {
    return rows.stream().mapToInt(Row::index).toArray();
  }

  /** Cluster per row, by rank (-1: not clustered). */
  public int[] clusters() {
    return rows.stream().mapToInt(Row::cluster).toArray();
  }

  public int size() {
    return rows.size();
  }
}
