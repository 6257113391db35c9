package io.latentquery.explore;

import java.util.List;

/**
 * What the explorer page draws, embedded in it as JSON: one entry per drawn point, in pool order.
 *
 * @param title page title
 * @param poolName the pool's name, e.g. {@code digits/pool}
 * @param poolSize examples in the pool (more than are drawn when the page holds a sample)
 * @param index each point's pool index, the {@code index} column of a selection
 * @param id each point's example id
 * @param x horizontal coordinate (z1, or the first principal axis when L > 2)
 * @param y vertical coordinate
 * @param axes titles of x and y
 * @param label each point's class index, or null when the pool is unlabeled
 * @param classNames class names by index
 * @param cluster each point's k-means cluster
 * @param dim latent dimension L
 * @param z the latent vectors, point after point (count * dim)
 * @param selected positions (into these arrays) of the selection the page starts with, in rank
 *     order
 * @param palette colours by class or cluster index, as #rrggbb
 * @param sprite where each point's thumbnail is: point k is thumbnail k
 */
public record ExploreData(
    String title,
    String poolName,
    int poolSize,
    int[] index,
    List<String> id,
    float[] x,
    float[] y,
    List<String> axes,
    int[] label,
    List<String> classNames,
    int[] cluster,
    int dim,
    float[] z,
    int[] selected,
    List<String> palette,
    SpriteSheet.Layout sprite) {

  public int count() {
    return index.length;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Names every field, so that no two arrays of one type can change places. */
  public static final class Builder {
    private String title;
    private String poolName;
    private int poolSize;
    private int[] index;
    private List<String> id;
    private float[] x;
    private float[] y;
    private List<String> axes;
    private int[] label;
    private List<String> classNames = List.of();
    private int[] cluster;
    private int dim;
    private float[] z;
    private int[] selected = new int[0];
    private List<String> palette;
    private SpriteSheet.Layout sprite;

    private Builder() {}

    public Builder title(String value) {
      title = value;
      return this;
    }

    /** The pool's name and size. */
    public Builder pool(String name, int size) {
      poolName = name;
      poolSize = size;
      return this;
    }

    /** The drawn points' pool indices and ids. */
    public Builder points(int[] poolIndices, List<String> ids) {
      index = poolIndices;
      id = ids;
      return this;
    }

    /** The drawn points' plane coordinates and the titles of the two axes. */
    public Builder plane(float[] xs, float[] ys, List<String> axisTitles) {
      x = xs;
      y = ys;
      axes = axisTitles;
      return this;
    }

    /** Class indices (null when unlabeled) and class names. */
    public Builder classes(int[] labels, List<String> names) {
      label = labels;
      classNames = names;
      return this;
    }

    public Builder clusters(int[] assignments) {
      cluster = assignments;
      return this;
    }

    /** The latent vectors, point after point, of dimension {@code latentDim}. */
    public Builder latent(float[] values, int latentDim) {
      z = values;
      dim = latentDim;
      return this;
    }

    public Builder selected(int[] positions) {
      selected = positions;
      return this;
    }

    public Builder palette(List<String> colours) {
      palette = colours;
      return this;
    }

    public Builder sprite(SpriteSheet.Layout layout) {
      sprite = layout;
      return this;
    }

    public ExploreData build() {
      return new ExploreData(
          title,
          poolName,
          poolSize,
          index,
          id,
          x,
          y,
          axes,
          label,
          classNames,
          cluster,
          dim,
          z,
          selected,
          palette,
          sprite);
    }
  }
}
