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
}
