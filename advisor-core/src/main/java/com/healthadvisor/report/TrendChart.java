package com.healthadvisor.report;

import com.healthadvisor.metrics.ValueFormat;
import com.healthadvisor.ruleset.Band;
import com.healthadvisor.ruleset.Benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * One metric over a company's periods, as inline SVG (no script, no request): a line along a dated axis (a month
 * missing is a gap), points in the colour of the band each value fell in, the band edges that apply to the company
 * as faint lines labelled with their value, the lowest and highest value on the left axis. A stored period's point
 * is a link to its report; a month known only from a snapshot's own history is drawn hollow. The report package
 * draws every chart; this one is the workbench's, on a company's page.
 */
public final class TrendChart {

    /**
     * One period's value and the band it fell in (null: none).
     *
     * @param link where the point leads (that period's report); null for a month known only from a history
     */
    public record Point(String period, double value, String band, String link) {

        public Point(String period, double value, String band) {
            this(period, value, band, null);
        }
    }

    private static final int WIDTH = 320;
    private static final int HEIGHT = 150;
    private static final int LEFT = 56;
    private static final int RIGHT = WIDTH - 46;
    private static final int TOP = 10;
    private static final int BOTTOM = HEIGHT - 24;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    private TrendChart() {
    }

    /** The chart of at least one point, oldest first, with every edge of the metric's bands. */
    public static String svg(String code, String label, List<Point> points, String unit, Benchmarks benchmarks,
                             ValueFormat format) {
        return svg(code, label, points, unit, benchmarks, benchmarks.edges(code), format);
    }

    /** The chart of at least one point, oldest first, with the band edges given (those that apply to the company). */
    public static String svg(String code, String label, List<Point> points, String unit, Benchmarks benchmarks,
                             double[] edges, ValueFormat format) {
        double low = points.stream().mapToDouble(Point::value).min().orElse(0);
        double high = points.stream().mapToDouble(Point::value).max().orElse(1);
        double span = high - low == 0 ? Math.max(Math.abs(high), 1) * 0.1 : (high - low) * 0.15;
        double bottom = low - span;
        double top = high + span;
        Axis time = Axis.of(points);
        // With links inside, a group (an image's content would be hidden from assistive technology).
        String role = points.stream().anyMatch(point -> point.link() != null) ? "group" : "img";
        StringBuilder svg = new StringBuilder("<svg class=\"spark\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" role=\"" + role + "\" aria-label=\"" + escape(label + ", " + points.size() + " periods, "
                + when(points.get(0).period()) + " to " + when(points.get(points.size() - 1).period()) + ", from "
                + format.format(points.get(0).value(), unit, edges) + " to "
                + format.format(points.get(points.size() - 1).value(), unit, edges)) + "\">");
        axes(svg, points, unit, edges, format, bottom, top, time);
        for (double edge : edges) {
            if (edge > bottom && edge < top) {
                String y = num(y(edge, bottom, top));
                svg.append("<line class=\"edge\" x1=\"").append(LEFT).append("\" x2=\"").append(RIGHT)
                        .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>")
                        .append("<text class=\"edge-label\" x=\"").append(RIGHT + 4).append("\" y=\"")
                        .append(num(y(edge, bottom, top) + 4)).append("\">").append(escape(format.format(edge, unit)))
                        .append("</text>");
            }
        }
        line(svg, points, bottom, top, time);
        for (int i = 0; i < points.size(); i++) {
            point(svg, code, points.get(i), time.x(i), y(points.get(i).value(), bottom, top), unit, edges, benchmarks,
                    format);
        }
        return svg.append("</svg>").toString();
    }

    /** The left axis with the lowest and highest values, the bottom one with the first and last periods. */
    private static void axes(StringBuilder svg, List<Point> points, String unit, double[] edges, ValueFormat format,
                             double bottom, double top, Axis time) {
        double low = points.stream().mapToDouble(Point::value).min().orElse(0);
        double high = points.stream().mapToDouble(Point::value).max().orElse(1);
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"")
                .append(TOP).append("\" y2=\"").append(BOTTOM).append("\"/>")
                .append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(RIGHT)
                .append("\" y1=\"").append(BOTTOM).append("\" y2=\"").append(BOTTOM).append("\"/>");
        tick(svg, format.format(high, unit, edges), y(high, bottom, top));
        if (high != low) {
            tick(svg, format.format(low, unit, edges), y(low, bottom, top));
        }
        String first = when(points.get(0).period());
        svg.append("<text class=\"axis-label\" x=\"").append(num(time.x(0))).append("\" y=\"").append(HEIGHT - 6)
                .append("\" text-anchor=\"").append(points.size() == 1 ? "middle" : "start").append("\">")
                .append(escape(first)).append("</text>");
        if (points.size() > 1) {
            svg.append("<text class=\"axis-label\" x=\"").append(num(time.x(points.size() - 1))).append("\" y=\"")
                    .append(HEIGHT - 6).append("\" text-anchor=\"end\">")
                    .append(escape(when(points.get(points.size() - 1).period()))).append("</text>");
        }
    }

    private static void tick(StringBuilder svg, String text, double y) {
        svg.append("<text class=\"axis-label\" x=\"").append(LEFT - 4).append("\" y=\"").append(num(y + 4))
                .append("\" text-anchor=\"end\">").append(escape(text)).append("</text>");
    }

    /** The line between points, broken where months are missing between two of them. */
    private static void line(StringBuilder svg, List<Point> points, double bottom, double top, Axis time) {
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            if (i > 0 && time.gapBefore(i)) {
                svg.append("<polyline class=\"trend\" points=\"").append(segment).append("\"/>");
                segment.setLength(0);
            }
            segment.append(segment.isEmpty() ? "" : " ").append(num(time.x(i))).append(',')
                    .append(num(y(points.get(i).value(), bottom, top)));
        }
        svg.append("<polyline class=\"trend\" points=\"").append(segment).append("\"/>");
    }

    private static void point(StringBuilder svg, String code, Point point, double x, double y, String unit,
                              double[] edges, Benchmarks benchmarks, ValueFormat format) {
        String title = when(point.period()) + ": " + format.format(point.value(), unit, edges)
                + (point.band() == null ? "" : ", " + point.band().replace('_', ' '))
                + (point.link() == null ? " (from the snapshot's history)" : "");
        String circle = "<circle class=\"tone-" + tone(code, point, benchmarks)
                + (point.link() == null ? " history" : "") + "\" r=\"4\" cx=\"" + num(x) + "\" cy=\"" + num(y)
                + "\"><title>" + escape(title) + "</title></circle>";
        if (point.link() == null) {
            svg.append(circle);
        } else {
            svg.append("<a href=\"").append(escape(point.link())).append("\" aria-label=\"").append(escape(title))
                    .append("\">").append(circle).append("</a>");
        }
    }

    /** Where each point sits on a time axis: by its month where every period is one ({@code 2024-06}), else by order. */
    private record Axis(int[] months) {

        static Axis of(List<Point> points) {
            int[] months = new int[points.size()];
            for (int i = 0; i < points.size(); i++) {
                Integer month = month(points.get(i).period());
                if (month == null) {
                    return new Axis(null);
                }
                months[i] = month;
            }
            return new Axis(months);
        }

        double x(int index) {
            int count = months == null ? 0 : months.length;
            if (months == null || count == 1 || months[count - 1] == months[0]) {
                return count == 1 ? (LEFT + RIGHT) / 2.0 : LEFT + 4 + index * (RIGHT - LEFT - 8.0) / Math.max(1, count - 1);
            }
            return LEFT + 4 + (months[index] - months[0]) * (RIGHT - LEFT - 8.0) / (months[count - 1] - months[0]);
        }

        /**
         * Whether more than the usual step (the shortest between two points: a month, a quarter) lies between a
         * point and the one before it. With two points there is no telling.
         */
        boolean gapBefore(int index) {
            if (months == null || months.length < 3) {
                return false;
            }
            int step = Integer.MAX_VALUE;
            for (int i = 1; i < months.length; i++) {
                step = Math.min(step, months[i] - months[i - 1]);
            }
            return months[index] - months[index - 1] > step;
        }
    }

    /** {@code 2024-06} as a month count; null for any other form. */
    private static Integer month(String period) {
        if (period == null || !period.matches("\\d{4}-\\d{2}")) {
            return null;
        }
        return Integer.parseInt(period.substring(0, 4)) * 12 + Integer.parseInt(period.substring(5)) - 1;
    }

    /** {@code 2024-06} as "Jun 2024"; any other form as it is. */
    static String when(String period) {
        Integer month = month(period);
        return month == null ? period : MONTHS[month % 12] + " " + month / 12;
    }

    private static String tone(String code, Point point, Benchmarks benchmarks) {
        if (point.band() == null) {
            return Band.NEUTRAL;
        }
        return benchmarks.all().stream().filter(band -> band.name().equals(point.band())
                        && band.metric().equals(code))
                .map(Band::tone).findFirst().orElse(Band.NEUTRAL);
    }

    private static double y(double value, double bottom, double top) {
        return TOP + (top - value) / (top - bottom) * (BOTTOM - TOP);
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
