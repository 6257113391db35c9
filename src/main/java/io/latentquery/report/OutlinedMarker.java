package io.latentquery.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * A filled marker {@code scale} times the chart's marker size with a dark outline, so highlighted
 * points stand out above a dense pool. XChart has one marker size per chart; scaling here is how
 * one chart shows small pool points and large selected points together.
 */
final class OutlinedMarker extends Marker {
  enum Kind {
    CIRCLE,
    DIAMOND,
    SQUARE,
    TRIANGLE
  }

  private final Kind kind;
  private final double scale;
  private final Color outline;

  OutlinedMarker(Kind kind, double scale, Color outline) {
    this.kind = kind;
    this.scale = scale;
    this.outline = outline;
  }

  @Override
  public void paint(Graphics2D g, double x, double y, int markerSize) {
    double size = markerSize * scale;
    double half = size / 2;
    Shape shape =
        switch (kind) {
          case CIRCLE -> new Ellipse2D.Double(x - half, y - half, size, size);
          case SQUARE -> new java.awt.geom.Rectangle2D.Double(x - half, y - half, size, size);
          case DIAMOND ->
              polygon(
                  new double[] {x, x + half, x, x - half}, new double[] {y - half, y, y + half, y});
          case TRIANGLE ->
              polygon(
                  new double[] {x, x + half, x - half},
                  new double[] {y - half, y + half, y + half});
        };
    g.fill(shape);
    Color fill = g.getColor();
    Stroke stroke = g.getStroke();
    g.setColor(outline);
    g.setStroke(new BasicStroke(1.2f));
    g.draw(shape);
    g.setStroke(stroke);
    g.setColor(fill);
  }

  private static Shape polygon(double[] xs, double[] ys) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(xs[0], ys[0]);
    for (int i = 1; i < xs.length; i++) {
      path.lineTo(xs[i], ys[i]);
    }
    path.closePath();
    return path;
  }
}
