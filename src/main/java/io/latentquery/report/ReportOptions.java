package io.latentquery.report;

/**
 * How much a report shows.
 *
 * @param plots size and density of the charts
 * @param tableRows selection rows listed in the page (with thumbnails)
 * @param gridColumns images per row in the image grids
 * @param projector projector export limits; null for no projector folder
 */
public record ReportOptions(
    PlotOptions plots, int tableRows, int gridColumns, ProjectorExport.Options projector) {
  public static final ReportOptions DEFAULT =
      new ReportOptions(PlotOptions.DEFAULT, 50, 10, ProjectorExport.Options.DEFAULT);

  public ReportOptions {
    if (plots == null) {
      throw new IllegalArgumentException("plots options are required");
    }
    if (tableRows < 0) {
      throw new IllegalArgumentException("tableRows must be >= 0, got " + tableRows);
    }
    if (gridColumns < 1) {
      throw new IllegalArgumentException("gridColumns must be >= 1, got " + gridColumns);
    }
  }
}
