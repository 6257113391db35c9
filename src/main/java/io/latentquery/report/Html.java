package io.latentquery.report;

import java.util.List;

/**
 * A small HTML writer whose every text and attribute goes through {@link #escape}, so ids, class
 * names and file names from users cannot inject markup into a report.
 */
final class Html {
  private final StringBuilder out = new StringBuilder();

  /** Text safe in element content and in quoted attribute values. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            sb.append("&#xFFFD;");
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** Appends markup written by this package (never user text). */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  Html text(String text) {
    out.append(escape(text));
    return this;
  }

  Html element(String tag, String text) {
    out.append('<')
        .append(tag)
        .append('>')
        .append(escape(text))
        .append("</")
        .append(tag)
        .append(">\n");
    return this;
  }

  Html heading(int level, String id, String text) {
    out.append("<h")
        .append(level)
        .append(" id=\"")
        .append(escape(id))
        .append("\">")
        .append(escape(text))
        .append("</h")
        .append(level)
        .append(">\n");
    return this;
  }

  Html paragraph(String text) {
    return element("p", text);
  }

  /** A picture that links to itself at full size. */
  Html figure(String src, String caption) {
    out.append("<figure><a href=\"")
        .append(escape(src))
        .append("\"><img src=\"")
        .append(escape(src))
        .append("\" alt=\"")
        .append(escape(caption))
        .append("\"></a><figcaption>")
        .append(escape(caption))
        .append("</figcaption></figure>\n");
    return this;
  }

  Html link(String href, String text) {
    out.append("<a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a>");
    return this;
  }

  /** A table of text cells; a cell is markup only when produced by {@link Cell#markup}. */
  Html table(List<String> header, List<List<Cell>> rows, String cssClass) {
    out.append("<table class=\"").append(escape(cssClass)).append("\">\n");
    if (header.stream().anyMatch(h -> !h.isEmpty())) {
      out.append("<thead><tr>");
      for (String h : header) {
        out.append("<th>").append(escape(h)).append("</th>");
      }
      out.append("</tr></thead>\n");
    }
    out.append("<tbody>\n");
    for (List<Cell> row : rows) {
      out.append("<tr>");
      for (Cell cell : row) {
        out.append(cell.numeric ? "<td class=\"num\">" : "<td>").append(cell.html).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody></table>\n");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** One table cell, holding escaped HTML. */
  static final class Cell {
    final String html;
    final boolean numeric;

    private Cell(String html, boolean numeric) {
      this.html = html;
      this.numeric = numeric;
    }

    static Cell text(String text) {
      return new Cell(escape(text), false);
    }

    static Cell number(String text) {
      return new Cell(escape(text), true);
    }

    /** An image cell; {@code src} is escaped. */
    static Cell image(String src, String alt) {
      return new Cell(
          "<img class=\"thumb\" src=\"" + escape(src) + "\" alt=\"" + escape(alt) + "\">", false);
    }

    static Cell link(String href, String text) {
      return new Cell("<a href=\"" + escape(href) + "\">" + escape(text) + "</a>", false);
    }
  }
}
