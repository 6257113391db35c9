package io.latentquery.sampling;

/**
 * Chooses which pool points to label first. Implementations are pure: the same points and request
 * give the same selection; they never return an already-selected point or the same point twice.
 * They refuse a request the pool cannot meet with {@link SelectionRequest#checkAgainst}. A strategy
 * becomes available to {@code lq sample} by one registration in {@code
 * sampling.strategy.StrategyRegistry#standard()}, whose factory reads its options.
 */
public interface SelectionStrategy {
  /** The name used on the command line, e.g. {@code normal-cluster}. */
  String name();

  Selection select(Points points, SelectionRequest request);
}
