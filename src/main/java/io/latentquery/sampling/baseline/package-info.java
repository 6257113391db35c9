/**
 * The field's strongest cold-start query-selection strategies, beside the method's own, so an
 * evaluation can say honestly whether latent-space sampling wins: {@code kmeans} (nearest point to
 * each k-means centroid), {@code kcenter} (greedy k-center, the core-set method of Sener and
 * Savarese 2018), {@code typiclust} (Hacohen, Dekel and Weinshall 2022) and {@code probcover}
 * (Yehuda et al. 2022).
 *
 * <p>Every strategy works on encodings of any dimension, is pure and seeded, records every
 * parameter it used (derived ones included) in {@link
 * io.latentquery.sampling.Selection#parameters()}, and treats already-labeled points as selected:
 * they are never returned and they cover their neighbourhood, so a second round continues from the
 * first. All distances are Euclidean. Neighbour searches go through {@link
 * io.latentquery.sampling.neighbors.KdTree} and clustering through {@link
 * io.latentquery.sampling.cluster.KMeans}; nothing builds an N x N matrix.
 */
package io.latentquery.sampling.baseline;
