package io.latentquery.sampling.cluster;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a budget of n is shared among clusters. {@link Rule#PROPORTIONAL} gives cluster S the share
 * n|S|/N and {@link Rule#EQUAL} n/k; shares are rounded by the largest-remainder (Hamilton) method,
 * so they sum to exactly n: every cluster first gets the floor of its share, then the clusters with
 * the largest fractional parts get one more (ties: the larger cluster, then the lower cluster
 * number). A cluster whose quota exceeds what it can give gets all it can, and the rest of the
 * budget is shared again among the others by the same rule.
 */
public final class Quotas {
  /** How shares are set before rounding. */
  public enum Rule {
    PROPORTIONAL,
    EQUAL;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Rule parse(String text) {
      return switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "proportional" -> PROPORTIONAL;
        case "equal" -> EQUAL;
        default ->
            throw new IllegalArgumentException(
                "quota must be proportional or equal, got '" + text + "'");
      };
    }
  }

  private Quotas() {}

  /**
   * Quotas summing to {@code n}.
   *
   * @param sizes cluster sizes |S| (the shares of the proportional rule and the tie-break)
   * @param capacity how many points each cluster can still give (at most its size)
   */
  public static int[] allocate(int[] sizes, int[] capacity, int n, Rule rule) {
    if (sizes.length != capacity.length || sizes.length == 0) {
      throw new IllegalArgumentException("need one size and one capacity per cluster");
    }
    long available = Arrays.stream(capacity).asLongStream().sum();
    if (n < 0 || n > available) {
      throw new IllegalArgumentException(
          "cannot share a budget of "
              + n
              + " among clusters holding "
              + available
              + " selectable points");
    }
    int k = sizes.length;
    int[] quotas = new int[k];
    boolean[] fixed = new boolean[k];
    int budget = n;
    while (true) {
      long[] shares = new long[k];
      for (int c = 0; c < k; c++) {
        shares[c] = fixed[c] ? 0 : (rule == Rule.EQUAL ? 1 : sizes[c]);
      }
      int[] round = largestRemainder(shares, sizes, budget);
      boolean over = false;
      for (int c = 0; c < k; c++) {
        if (!fixed[c] && round[c] > capacity[c]) {
          fixed[c] = true;
          quotas[c] = capacity[c];
          budget -= capacity[c];
          over = true;
        }
      }
      if (!over) {
        for (int c = 0; c < k; c++) {
          if (!fixed[c]) {
            quotas[c] = round[c];
          }
        }
        return quotas;
      }
    }
  }

  /** Hamilton rounding of budget * share / sum(shares); zero shares get zero. */
  static int[] largestRemainder(long[] shares, int[] sizes, int budget) {
    int k = shares.length;
    long total = Arrays.stream(shares).sum();
    int[] quotas = new int[k];
    if (total == 0) {
      if (budget > 0) {
        throw new IllegalStateException("no cluster left to take a budget of " + budget);
      }
      return quotas;
    }
    long[] remainders = new long[k];
    int given = 0;
    for (int c = 0; c < k; c++) {
      long scaled = budget * shares[c];
      quotas[c] = (int) (scaled / total);
      remainders[c] = scaled % total;
      given += quotas[c];
    }
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) {
      order[c] = c;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byRemainder = Long.compare(remainders[b], remainders[a]);
          if (byRemainder != 0) {
            return byRemainder;
          }
          int bySize = Integer.compare(sizes[b], sizes[a]);
          return bySize != 0 ? bySize : Integer.compare(a, b);
        });
    for (int i = 0, left = budget - given; left > 0; i++) {
      if (shares[order[i]] > 0) {
        quotas[order[i]]++;
        left--;
      }
    }
    return quotas;
  }
}
