package io.latentquery.eval;

import java.util.Locale;

/** A plain-text summary of an evaluation for the terminal. */
public final class EvaluationText {
  private EvaluationText() {}

  public static String format(EvaluationResult result) {
    StringBuilder out = new StringBuilder();
    SelectionBalance balance = result.balance();
    out.append(
        String.format(
            Locale.ROOT,
            "test accuracy %.4f on %d test images; classifier %s trained %d steps on %d selected examples%n",
            result.accuracy(),
            result.testSize(),
            result.settings().architecture().name(),
            result.settings().steps(),
            result.budget()));
    out.append(
        String.format(
            Locale.ROOT,
            "selection balance: %d of %d classes, normalised entropy %.3f, largest/smallest class %.2f%s%n",
            balance.classesCovered(),
            balance.numClasses(),
            balance.normalizedEntropy(),
            balance.largestToSmallest(),
            balance.missingClasses().isEmpty()
                ? ""
                : " (over present classes; missing " + balance.missingClasses() + ")"));
    out.append(
        String.format(
            Locale.ROOT, "%-6s %-14s %9s %14s%n", "class", "name", "selected", "test accuracy"));
    for (int k = 0; k < result.perClassAccuracy().size(); k++) {
      Double accuracy = result.perClassAccuracy().get(k);
      out.append(
          String.format(
              Locale.ROOT,
              "%-6d %-14s %9d %14s%n",
              k,
              result.classNames().get(k),
              balance.histogram().get(k),
              accuracy == null ? "-" : String.format(Locale.ROOT, "%.4f", accuracy)));
    }
    return out.toString();
  }
}
