package io.latentquery.sampling.strategy;

import io.latentquery.sampling.neighbors.Neighbor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the draws of the draw-and-take strategies take, one draw at a time, in the order drawn: the
 * nearest candidate not yet taken ({@link TakeMode#NEAREST}), or every candidate not yet taken up
 * to the quota ({@link TakeMode#ALL_WITHIN}). It counts consecutive draws that take nothing, so the
 * caller can stop at the miss limit. The single-machine loop hands it the candidates from one k-d
 * tree; a distributed run hands it the candidates merged from every partition, and both take the
 * same points.
 */
public final class DrawResolver {
  private final TakeMode take;
  private final int quota;
  private final Set<Integer> taken = new HashSet<>();
  private final List<DrawLoop.Pick> picks = new ArrayList<>();
  private int misses;
  private long draws;

  /**
   * @param take what one draw takes
   * @param quota how many points to take in all
   */
  public DrawResolver(TakeMode take, int quota) {
    if (quota < 0) {
      throw new IllegalArgumentException("quota must be >= 0, got " + quota);
    }
    this.take = take;
    this.quota = quota;
  }

  /**
   * Resolves the next draw.
   *
   * @param z the draw
   * @param candidates points within the threshold of z, nearest first (ties by lower index); taken
   *     ones are skipped
   * @return the points this draw took
   */
  public List<DrawLoop.Pick> resolve(double[] z, List<Neighbor> candidates) {
    if (done()) {
      throw new IllegalStateException("the quota of " + quota + " is already met");
    }
    draws++;
    List<DrawLoop.Pick> made = new ArrayList<>();
    for (Neighbor candidate : candidates) {
      if (picks.size() == quota) {
        break;
      }
      if (taken.add(candidate.index())) {
        DrawLoop.Pick pick = new DrawLoop.Pick(candidate.index(), candidate.distance(), z.clone());
        picks.add(pick);
        made.add(pick);
        if (take == TakeMode.NEAREST) {
          break;
        }
      }
    }
    misses = made.isEmpty() ? misses + 1 : 0;
    return made;
  }

  /** Whether the quota is met. */
  public boolean done() {
    return picks.size() == quota;
  }

  /** Points still to take. */
  public int remaining() {
    return quota - picks.size();
  }

  /** Consecutive draws, up to the last, that took nothing. */
  public int misses() {
    return misses;
  }

  /** Draws resolved so far. */
  public long draws() {
    return draws;
  }

  /** Whether {@code index} has been taken. */
  public boolean isTaken(int index) {
    return taken.contains(index);
  }

  /** The points taken, in the order taken. */
  public List<DrawLoop.Pick> picks() {
    return List.copyOf(picks);
  }
}
