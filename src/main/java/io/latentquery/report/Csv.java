package io.latentquery.report;

/** Formatting of single CSV fields, as Commons CSV's default format reads them back. */
final class Csv {
  private Csv() {}

  /** The shortest text that reads back as the same double; NaN is written empty. */
  static String number(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }

  /** A text field, quoted when it holds a comma, quote, or line break (ids may be paths). */
  static String field(String value) {
    if (value.isEmpty()) {
      return value;
    }
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0
            || Character.isWhitespace(value.charAt(0))
            || Character.isWhitespace(value.charAt(value.length() - 1));
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
