package com.healthadvisor.report;

import com.healthadvisor.metrics.ValueFormat;
import com.healthadvisor.ruleset.Band;
import com.healthadvisor.ruleset.Benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * One metric over a company's periods, as inline SVG (no script, no request): a line whose points take the colour
 * of the band each value fell in, with the metric's band edges as faint lines. The report package draws every
 * chart; this one is the workbench's, on a company's page.
 */
public final class TrendChart {

    /** One period's value and the band it fell in (null: none). */
    public record Point(String period, double value, String band) {
    }

    private static final int WIDTH = 260;
    private static final int HEIGHT = 72;
    private static final int PAD = 8;

    private TrendChart() {
    }

    /** The chart of at least one point. */
    public static String svg(String code, String label, List<Point> points, String unit, Benchmarks benchmarks,
                             ValueFormat format) {
        double low = points.stream().mapToDouble(Point::value).min().orElse(0);
        double high = points.stream().mapToDouble(Point::value).max().orElse(1);
        double span = high - low == 0 ? Math.max(Math.abs(high), 1) * 0.1 : (high - low) * 0.15;
        double bottom = low - span;
        double top = high + span;
        StringBuilder svg = new StringBuilder("<svg class=\"spark\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" role=\"img\" aria-label=\"" + escape(label + ", " + points.size() + " periods, from "
                + format.format(points.get(0).value(), unit) + " to "
                + format.format(points.get(points.size() - 1).value(), unit)) + "\">");
        for (double edge : benchmarks.edges(code)) {
            if (edge > bottom && edge < top) {
                double y = y(edge, bottom, top);
                svg.append("<line class=\"edge\" x1=\"0\" x2=\"").append(WIDTH).append("\" y1=\"").append(num(y))
                        .append("\" y2=\"").append(num(y)).append("\"/>");
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            line.append(i == 0 ? "" : " ").append(num(x(i, points.size()))).append(',')
                    .append(num(y(points.get(i).value(), bottom, top)));
        }
        svg.append("<polyline class=\"trend\" points=\"").append(line).append("\"/>");
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            svg.append("<circle class=\"tone-").append(tone(code, point, benchmarks)).append("\" r=\"3.5\" cx=\"")
                    .append(num(x(i, points.size()))).append("\" cy=\"").append(num(y(point.value(), bottom, top)))
                    .append("\"><title>").append(escape(point.period() + ": " + format.format(point.value(), unit)
                            + (point.band() == null ? "" : ", " + point.band()))).append("</title></circle>");
        }
        return svg.append("</svg>").toString();
    }

    private static String tone(String code, Point point, Benchmarks benchmarks) {
        if (point.band() == null) {
            return Band.NEUTRAL;
        }
        return benchmarks.all().stream().filter(band -> band.name().equals(point.band())
                        && band.metric().equals(code))
                .map(Band::tone).findFirst().orElse(Band.NEUTRAL);
    }

    private static double x(int index, int count) {
        return count == 1 ? WIDTH / 2.0 : PAD + index * (WIDTH - 2.0 * PAD) / (count - 1);
    }

    private static double y(double value, double bottom, double top) {
        return PAD + (top - value) / (top - bottom) * (HEIGHT - 2.0 * PAD);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text inside the SVG's attributes and titles, as HTML escapes it. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
