package com.healthadvisor.web.workbench;

import com.healthadvisor.catalog.Unit;
import com.healthadvisor.company.Portfolio;
import com.healthadvisor.metrics.ValueFormat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One company on the home page, in words: ARR as the report writes money, the stage and market as people say them,
 * the new and worse findings by title, and the MRR of its last periods as a small line.
 *
 * @param sparkline an inline SVG, or null with fewer than two periods of MRR
 * @param trend     the same line in words, for a screen reader and a tooltip
 */
public record PortfolioRow(Portfolio.Row row, String arr, String stage, String market, List<Finding> fresh,
                           List<Finding> worse, String sparkline, String trend) {

    /** A finding by its title, its code kept for the tooltip. */
    public record Finding(String code, String title) {
    }

    private static final int WIDTH = 120;
    private static final int HEIGHT = 28;

    static PortfolioRow of(Portfolio.Row row, Map<String, String> titles) {
        ValueFormat format = new ValueFormat(row.currency());
        return new PortfolioRow(row, row.arr() == null ? null : format.format(row.arr(), Unit.MONEY),
                words(row.stage()), market(row.market()), findings(row.fresh(), titles),
                findings(row.worse(), titles), sparkline(row.mrr()), trend(row.mrr(), format));
    }

    /** Stage and market as one line ("growth · mid market"); null when neither is known. */
    public String profile() {
        String joined = java.util.stream.Stream.of(stage, market).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" · "));
        return joined.isEmpty() ? null : joined;
    }

    /** A market as people write it: SMB, mid-market, enterprise, mixed; null stays null. */
    static String market(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "smb" -> "SMB";
            case "mid_market" -> "mid-market";
            default -> words(value);
        };
    }

    /** {@code mid_market} as "mid market"; null stays null. */
    static String words(String value) {
        return value == null ? null : value.replace('_', ' ');
    }

    private static List<Finding> findings(List<String> codes, Map<String, String> titles) {
        return codes.stream().map(code -> new Finding(code, titles.getOrDefault(code, code))).toList();
    }

    private static String sparkline(List<Double> mrr) {
        List<Double> values = mrr.stream().filter(Objects::nonNull).toList();
        if (values.size() < 2) {
            return null;
        }
        double low = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double span = high - low == 0 ? 1 : high - low;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double x = 2 + i * (WIDTH - 4.0) / (values.size() - 1);
            double y = HEIGHT - 3 - (values.get(i) - low) / span * (HEIGHT - 6);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        String last = points.toString().strip();
        String end = last.substring(last.lastIndexOf(' ') + 1);
        String[] xy = end.split(",");
        return "<svg class=\"sparkline\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" aria-hidden=\"true\" focusable=\"false\"><polyline points=\"" + last
                + "\"/><circle cx=\"" + xy[0] + "\" cy=\"" + xy[1] + "\" r=\"2.5\"/></svg>";
    }

    private static String trend(List<Double> mrr, ValueFormat format) {
        List<Double> values = mrr.stream().filter(Objects::nonNull).toList();
        if (values.size() < 2) {
            return null;
        }
        return "MRR over " + values.size() + " periods: " + format.format(values.get(0), Unit.MONEY) + " to "
                + format.format(values.get(values.size() - 1), Unit.MONEY);
    }
}
