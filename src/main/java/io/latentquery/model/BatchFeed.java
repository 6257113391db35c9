package io.latentquery.model;

/**
 * Computes, in Java, the value of one placeholder of the training graph for each batch: noise for a
 * reparameterised sampling layer, dropout masks, a t-SNE affinity matrix from the batch images. The
 * trainer calls it every step, for training and validation batches alike.
 */
@FunctionalInterface
public interface BatchFeed {
  FeedValue compute(Batch batch);
}
