/**
 * Label spreading over the pool's encodings (Zhou et al. 2004, "Learning with local and global
 * consistency"): the few labels a person gave flow along a symmetric k-nearest-neighbour graph, so
 * that every pool example gets a class and a confidence. {@link
 * io.latentquery.sampling.propagate.LabelSpreading} holds the math on any graph, {@link
 * io.latentquery.sampling.propagate.KnnGraph} builds the graph, {@link
 * io.latentquery.sampling.propagate.LabelPropagation} runs both over encodings, and {@link
 * io.latentquery.sampling.propagate.LeastConfidentStrategy} chooses the next round where the spread
 * labels are least sure.
 */
package io.latentquery.sampling.propagate;
