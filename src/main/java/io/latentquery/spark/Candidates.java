package io.latentquery.spark;

import io.latentquery.sampling.neighbors.Neighbor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Per draw of a round, the candidates found so far, nearest first (ties by lower pool index), each
 * list cut to the draw's cap. Merging two partitions' candidates keeps the nearest of both, so a
 * tree reduction hands the driver at most cap candidates per draw, whatever the partition count.
 * Stored as plain arrays, which serialise compactly.
 */
final class Candidates implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[][] indices;
  private final double[][] distances;
  private final int[] caps;

  private Candidates(int[][] indices, double[][] distances, int[] caps) {
    this.indices = indices;
    this.distances = distances;
    this.caps = caps;
  }

  /** Candidates from per-draw lists, nearest first, each already within its cap. */
  static Candidates of(List<List<Neighbor>> perDraw, int[] caps) {
    int[][] indices = new int[perDraw.size()][];
    double[][] distances = new double[perDraw.size()][];
    for (int j = 0; j < indices.length; j++) {
      List<Neighbor> list = perDraw.get(j);
      indices[j] = list.stream().mapToInt(Neighbor::index).toArray();
      distances[j] = list.stream().mapToDouble(Neighbor::distance).toArray();
    }
    return new Candidates(indices, distances, caps);
  }

  /** The candidates of draw {@code draw}, nearest first. */
  List<Neighbor> of(int draw) {
    List<Neighbor> out = new ArrayList<>(indices[draw].length);
    for (int k = 0; k < indices[draw].length; k++) {
      out.add(new Neighbor(indices[draw][k], distances[draw][k]));
    }
    return out;
  }

  /** The nearest candidates of both, per draw. */
  static Candidates merge(Candidates a, Candidates b) {
    int draws = a.indices.length;
    int[][] indices = new int[draws][];
    double[][] distances = new double[draws][];
    for (int j = 0; j < draws; j++) {
      int[] xi = a.indices[j];
      int[] yi = b.indices[j];
      double[] xd = a.distances[j];
      double[] yd = b.distances[j];
      int size = Math.min(a.caps[j], xi.length + yi.length);
      indices[j] = new int[size];
      distances[j] = new double[size];
      int i = 0;
      int k = 0;
      for (int m = 0; m < size; m++) {
        boolean fromA =
            k >= yi.length
                || (i < xi.length
                    && new Neighbor(xi[i], xd[i]).compareTo(new Neighbor(yi[k], yd[k])) <= 0);
        if (fromA) {
          indices[j][m] = xi[i];
          distances[j][m] = xd[i++];
        } else {
          indices[j][m] = yi[k];
          distances[j][m] = yd[k++];
        }
      }
    }
    return new Candidates(indices, distances, a.caps);
  }
}
