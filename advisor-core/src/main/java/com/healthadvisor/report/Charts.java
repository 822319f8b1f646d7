package com.healthadvisor.report;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.DiagnosisResult.MetricValue;
import com.healthadvisor.metrics.ValueFormat;
import com.healthadvisor.ruleset.Band;
import com.healthadvisor.ruleset.Benchmarks;
import com.healthadvisor.snapshot.CustomerRevenue;
import com.healthadvisor.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static com.healthadvisor.report.ReportView.Charts.Bar;
import static com.healthadvisor.report.ReportView.Charts.Cell;
import static com.healthadvisor.report.ReportView.Charts.Header;
import static com.healthadvisor.report.ReportView.Charts.HeatRow;
import static com.healthadvisor.report.ReportView.Charts.Row;
import static com.healthadvisor.report.ReportView.Charts.Segment;
import static com.healthadvisor.report.ReportView.Charts.ShareBar;
import static com.healthadvisor.report.ReportView.Charts.Strip;
import static com.healthadvisor.report.ReportView.Charts.Tick;

/**
 * The geometry of the report's charts, computed here so that the SVG templates only draw: an MRR
 * waterfall, a cohort retention heatmap, revenue concentration against its lines, and key metrics
 * against their benchmark bands. A chart whose data is absent is null.
 */
final class Charts {

    private static final int WIDTH = 720;

    private final DiagnosisResult result;
    private final Snapshot snapshot;
    private final ValueFormat format;

    Charts(DiagnosisResult result, Snapshot snapshot) {
        this.result = result;
        this.snapshot = snapshot;
        this.format = new ValueFormat(result.currency());
    }

    ReportView.Charts build(Benchmarks benchmarks) {
        return new ReportView.Charts(waterfall(), heatmap(benchmarks), concentration(benchmarks),
                benchmarks(benchmarks));
    }

    private Optional<Double> company(String code) {
        return result.metrics().stream().filter(m -> m.scope().equals("company") && m.code().equals(code))
                .map(MetricValue::value).findFirst();
    }

    /**
     * Starting MRR, each movement up or down, ending MRR; the axis from zero when the moves are large against MRR,
     * else from a round amount below the lowest point, drawn broken and labelled, so that the moves can be seen. The table adds up on
     * the page (judgment.md P17): amounts to the unit, acquired MRR a line of its own, and what the movements do not
     * explain a line too.
     */
    private ReportView.Charts.Waterfall waterfall() {
        Optional<Double> starting = company("starting_mrr");
        Optional<Double> ending = company("mrr");
        String[][] movements = {{"new_mrr", "New", "up"}, {"expansion_mrr", "Expansion", "up"},
                {"reactivation_mrr", "Reactivation", "up"}, {"acquired_mrr", "Acquired", "up"},
                {"contraction_mrr", "Contraction", "down"}, {"churned_mrr", "Churned", "down"}};
        if (starting.isEmpty() || ending.isEmpty()) {
            return null;
        }
        List<String[]> present = new ArrayList<>();
        for (String[] movement : movements) {
            company(movement[0]).filter(v -> v > 0).ifPresent(v -> present.add(movement));
        }
        if (present.isEmpty()) {
            return null;
        }
        boolean cents = hasCents(starting.get()) || hasCents(ending.get())
                || present.stream().anyMatch(m -> hasCents(company(m[0]).orElse(0.0)));
        double explained = starting.get();
        for (String[] movement : present) {
            explained += (movement[2].equals("up") ? 1 : -1) * company(movement[0]).orElse(0.0);
        }
        double unexplained = ending.get() - explained;
        if (Math.abs(unexplained) >= (cents ? 0.005 : 0.5)) {
            present.add(new String[] {null, "Not explained by the movements", unexplained > 0 ? "up" : "down"});
        }
        double running = starting.get();
        double top = Math.max(starting.get(), ending.get());
        for (String[] movement : present) {
            double value = movement[0] == null ? Math.abs(unexplained) : company(movement[0]).orElse(0.0);
            running += (movement[2].equals("up") ? 1 : -1) * value;
            top = Math.max(top, running);
        }
        double floor = floor(starting.get(), ending.get(), top);
        int slots = present.size() + 2;
        int slot = WIDTH / slots;
        int plot = 180;
        int baseline = 30 + plot;
        Scale scale = new Scale(floor, top, plot, baseline);
        List<Bar> bars = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        bars.add(bar("Starting MRR", 0, starting.get(), floor, starting.get(), slot, scale, "total"));
        rows.add(new Row("Starting MRR", format.exactMoney(starting.get(), cents), ""));
        running = starting.get();
        for (int i = 0; i < present.size(); i++) {
            String[] movement = present.get(i);
            double value = movement[0] == null ? Math.abs(unexplained) : company(movement[0]).orElse(0.0);
            boolean up = movement[2].equals("up");
            double low = up ? running : running - value;
            bars.add(bar(movement[1], i + 1, value, low, low + value, slot, scale, movement[2]));
            rows.add(new Row(movement[1], (up ? "+" : "−") + format.exactMoney(value, cents), ""));
            running += up ? value : -value;
        }
        bars.add(bar("Ending MRR", slots - 1, ending.get(), floor, ending.get(), slot, scale, "total"));
        rows.add(new Row("Ending MRR", format.exactMoney(ending.get(), cents), ""));
        return new ReportView.Charts.Waterfall(WIDTH, baseline + 30, baseline, bars, rows,
                floor > 0 ? format.money(floor) : null);
    }

    /** Where a waterfall's bars rise from: MRR on the axis, scaled to the plot's pixels. */
    private record Scale(double floor, double top, int plot, int baseline) {

        int y(double value) {
            return baseline - (int) Math.round((value - floor) / (top - floor) * plot);
        }
    }

    /**
     * Where the axis starts: at zero when the movements are a large part of MRR, else below the lowest point the
     * bridge reaches by one and a half times the bridge's range, so that moves of a few percent of MRR are visible;
     * the axis is then drawn broken and its start labelled. A multiple of a round step (1, 2 or 5 times a power of
     * ten).
     */
    static double floor(double starting, double ending, double top) {
        double lowest = Math.min(starting, ending);
        if (lowest <= 0 || lowest < top / 3) {
            return 0;
        }
        double range = top - lowest;
        double step = roundStep(Math.max(range, top / 100) / 2);
        return Math.max(0, Math.floor((lowest - range * 1.5) / step) * step);
    }

    /** The largest of 1, 2 or 5 times a power of ten that is at most the value. */
    private static double roundStep(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {5, 2, 1}) {
            if (step * power <= value) {
                return step * power;
            }
        }
        return power;
    }

    private static boolean hasCents(double amount) {
        return Math.abs(amount - Math.rint(amount)) >= 0.005;
    }

    /** One bar from {@code from} to {@code to} MRR, labelled with the amount it stands for. */
    private Bar bar(String label, int index, double value, double from, double to, int slot, Scale scale,
                    String kind) {
        int y = scale.y(to);
        int height = Math.max(1, scale.y(from) - y);
        int x = index * slot + slot / 6;
        int width = slot * 2 / 3;
        String shown = kind.equals("down") ? "−" + format.money(value)
                : (kind.equals("up") ? "+" : "") + format.money(value);
        String fill = switch (kind) {
            case "up" -> "#2e8540";
            case "down" -> "#c0392b";
            default -> "#5b8def";
        };
        return new Bar(label, shown, x, y, width, height, fill, x + width / 2, Math.max(12, y - 6));
    }

    /** Cohorts by age, coloured from red (low retention) to green; cohorts well below the oldest are outlined. */
    private ReportView.Charts.Heatmap heatmap(Benchmarks benchmarks) {
        Map<String, Map<Integer, Double>> cohorts = new TreeMap<>(Comparator.comparingInt(this::cohortOrder));
        for (MetricValue m : result.metrics()) {
            if (m.code().equals("cohort_logo_retention")) {
                cohorts.computeIfAbsent(m.scope().substring("cohort:".length()), c -> new TreeMap<>())
                        .put(m.age(), m.value());
            }
        }
        if (cohorts.isEmpty()) {
            return null;
        }
        int maxAge = cohorts.values().stream().flatMap(ages -> ages.keySet().stream()).max(Integer::compare).orElse(0);
        int cell = Math.min(56, (WIDTH - 110) / (maxAge + 1));
        Integer comparisonAge = result.metrics().stream().filter(m -> m.code().equals("cohort_logo_retention_shift"))
                .map(MetricValue::age).findFirst().orElse(null);
        Double oldestAtAge = comparisonAge == null ? null : cohorts.values().stream()
                .map(ages -> ages.get(comparisonAge)).filter(v -> v != null).findFirst().orElse(null);
        // As far below the oldest as the band that makes a cohort shift a decline in benchmarks.csv.
        java.util.OptionalDouble drop = magnitude(benchmarks.edgeOf("cohort_logo_retention_shift", Band.BAD,
                result.stage(), snapshot.profile().market(), snapshot.periodicity().word()));
        List<Header> ages = new ArrayList<>();
        for (int age = 0; age <= maxAge; age++) {
            ages.add(new Header(String.valueOf(age), 110 + age * cell + cell / 2));
        }
        List<HeatRow> rows = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        int y = 30;
        for (var cohort : cohorts.entrySet()) {
            List<Cell> cells = new ArrayList<>();
            List<String> tableRow = new ArrayList<>(List.of(cohort.getKey(), "100.0%"));
            cells.add(cell(110, cell, 1.0));
            for (int age = 1; age <= maxAge; age++) {
                Double value = cohort.getValue().get(age);
                if (value != null) {
                    cells.add(cell(110 + age * cell, cell, value));
                }
                tableRow.add(value == null ? "" : ValueFormat.percent(value));
            }
            Double atAge = comparisonAge == null ? null : cohort.getValue().get(comparisonAge);
            boolean flagged = atAge != null && oldestAtAge != null && drop.isPresent()
                    && oldestAtAge - atAge >= drop.getAsDouble() - 1e-9;
            rows.add(new HeatRow(cohort.getKey(), y, y + 16, (maxAge + 1) * cell, flagged, cells));
            table.add(tableRow);
            y += 26;
        }
        String note = comparisonAge == null || drop.isEmpty() ? "" : "Outlined: cohorts retaining "
                + ValueFormat.pointsInWords(drop.getAsDouble()) + " or more below the oldest at age " + comparisonAge + ".";
        return new ReportView.Charts.Heatmap(WIDTH, y + 10, ages, rows, table, note);
    }

    private int cohortOrder(String cohort) {
        for (int i = 0; i < snapshot.cohorts().size(); i++) {
            if (cohort.equals(snapshot.cohorts().get(i).cohort())) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private Cell cell(int x, int width, double value) {
        HeatColour colour = HeatColour.of(value);
        return new Cell(x, width - 2, x + width / 2, colour.fill(), String.format(Locale.ROOT, "%.0f%%", value * 100),
                colour.text());
    }

    private static java.util.OptionalDouble magnitude(java.util.OptionalDouble edge) {
        return edge.isPresent() ? java.util.OptionalDouble.of(Math.abs(edge.getAsDouble())) : edge;
    }

    /** Where a share stops being good in benchmarks.csv (10% for a customer), or -1 for no line. */
    private double line(Benchmarks benchmarks, String metric) {
        return benchmarks.goodEdge(metric, result.stage(), snapshot.profile().market(), snapshot.periodicity().word())
                .orElse(-1);
    }

    /** Top customers, the top ten and each product against where their share stops being good (benchmarks.csv). */
    private ReportView.Charts.Concentration concentration(Benchmarks benchmarks) {
        double customerLine = line(benchmarks, "top_customer_share");
        double topTenLine = line(benchmarks, "top10_customer_share");
        double productLine = line(benchmarks, "largest_product_share");
        List<ShareBar> bars = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Optional<Double> mrr = company("mrr");
        List<CustomerRevenue> customers = snapshot.customerRevenue().stream()
                .sorted(Comparator.comparingDouble(CustomerRevenue::mrr).reversed()).toList();
        double total = mrr.filter(v -> v > 0).orElse(customers.stream().mapToDouble(CustomerRevenue::mrr).sum());
        int y = 20;
        if (!customers.isEmpty() && total > 0) {
            for (CustomerRevenue customer : customers.subList(0, Math.min(5, customers.size()))) {
                bars.add(share("Customer " + customer.customer(), customer.mrr() / total, customerLine, y));
                rows.add(new Row("Customer " + customer.customer(), ValueFormat.percent(customer.mrr() / total),
                        lineWords(customerLine)));
                y += 28;
            }
            double top10 = customers.stream().limit(10).mapToDouble(CustomerRevenue::mrr).sum() / total;
            bars.add(share("Top 10 customers together", top10, topTenLine, y));
            rows.add(new Row("Top 10 customers together", ValueFormat.percent(top10), lineWords(topTenLine)));
            y += 28;
        }
        for (MetricValue m : result.metrics()) {
            if (m.code().equals("mrr_share")) {
                String label = Words.scope(m.scope());
                double line = m.scope().startsWith("product:") ? productLine : -1;
                bars.add(share(label, m.value(), line, y));
                rows.add(new Row(label, ValueFormat.percent(m.value()), lineWords(line)));
                y += 28;
            }
        }
        return bars.isEmpty() ? null : new ReportView.Charts.Concentration(WIDTH, y + 10, bars, rows,
                concentrationNote(customerLine, topTenLine, productLine));
    }

    /** The lines drawn, in words, from the same band edges as the ticks. */
    private static String concentrationNote(double customer, double topTen, double product) {
        List<String> lines = new ArrayList<>();
        if (customer >= 0) {
            lines.add(ValueFormat.percent(customer) + " for one customer");
        }
        if (topTen >= 0) {
            lines.add(ValueFormat.percent(topTen) + " for the top ten");
        }
        if (product >= 0) {
            lines.add(ValueFormat.percent(product) + " for one product");
        }
        return lines.isEmpty() ? null : "Dark ticks: the lines not to cross (" + String.join(", ", lines) + ").";
    }

    private static String lineWords(double line) {
        return line < 0 ? "" : "line at " + ValueFormat.percent(line);
    }

    private ShareBar share(String label, double share, double threshold, int y) {
        int scale = 420;
        return new ShareBar(label, ValueFormat.percent(share), y, y + 15,
                Math.max(1, (int) Math.round(Math.min(share, 1) * scale)),
                threshold < 0 ? -1 : 250 + (int) Math.round(threshold * scale),
                threshold < 0 ? null : ValueFormat.percent(threshold), threshold >= 0 && share > threshold);
    }

    /** Each headline metric on a strip of its bands, with a marker at its value. */
    private ReportView.Charts.Benchmarks benchmarks(Benchmarks benchmarks) {
        List<Strip> strips = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String periodicity = snapshot.periodicity().word();
        int y = 10;
        for (String code : MetricCatalog.HEADLINE) {
            Optional<MetricValue> metric = result.metrics().stream()
                    .filter(m -> m.scope().equals("company") && m.code().equals(code) && m.band() != null).findFirst();
            if (metric.isEmpty()) {
                continue;
            }
            List<Band> bands = benchmarks.bandsFor(code, result.stage(), snapshot.profile().market(), periodicity);
            if (bands.isEmpty()) {
                continue;
            }
            strips.add(strip(metric.get(), bands, benchmarks.edges(code), y));
            rows.add(new Row(Words.metric(code), format.format(metric.get().value(), metric.get().unit(),
                            benchmarks.edges(code)),
                    Words.band(metric.get().band())));
            y += 64;
        }
        return strips.isEmpty() ? null : new ReportView.Charts.Benchmarks(WIDTH, y, strips, rows);
    }

    private Strip strip(MetricValue metric, List<Band> bands, double[] edges, int y) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Band band : bands) {
            for (double edge : new double[] {band.range().low(), band.range().high()}) {
                if (Double.isFinite(edge)) {
                    low = Math.min(low, edge);
                    high = Math.max(high, edge);
                }
            }
        }
        double span = high > low ? high - low : Math.max(Math.abs(high), 1);
        double from = Math.min(low - span * 0.5, metric.value());
        // A scale of a quantity that cannot be negative starts at zero at the lowest.
        if (low >= 0 && metric.value() >= 0) {
            from = Math.max(0, from);
        }
        double to = Math.max(high + span * 0.5, metric.value());
        int left = 230;
        int width = 460;
        List<Segment> segments = new ArrayList<>();
        for (Band band : bands) {
            double a = Math.max(from, band.range().low());
            double b = Math.min(to, band.range().high());
            if (b <= a) {
                continue;
            }
            int x = left + (int) Math.round((a - from) / (to - from) * width);
            int w = Math.max(1, (int) Math.round((b - a) / (to - from) * width));
            boolean active = band.name().equals(metric.band());
            segments.add(new Segment(x, w, tone(band.tone(), active), Words.band(band.name()), x + w / 2, active));
        }
        int marker = left + (int) Math.round((metric.value() - from) / (to - from) * width);
        return new Strip(Words.metric(metric.code()), format.format(metric.value(), metric.unit(), edges),
                Words.band(metric.band()), y, y + 20, marker, segments,
                ticks(metric.unit(), edges, from, to, left, width, y));
    }

    /**
     * The scale under a strip: its two ends and every band edge between them, each written as the benchmark file
     * writes it; a label that would touch its neighbour is left out, its tick kept.
     */
    private List<Tick> ticks(String unit, double[] edges, double from, double to, int left, int width, int y) {
        java.util.SortedSet<Double> values = new java.util.TreeSet<>(List.of(from, to));
        for (double edge : edges) {
            if (edge > from && edge < to) {
                values.add(edge);
            }
        }
        List<Tick> ticks = new ArrayList<>();
        int lastLabelled = -1000;
        for (double value : values) {
            int x = left + (int) Math.round((value - from) / (to - from) * width);
            boolean end = value == from || value == to;
            String anchor = value == from ? "start" : value == to ? "end" : "middle";
            boolean room = x - lastLabelled >= 44 || value == to;
            String label = room ? format.format(value, unit, edges) : "";
            if (room) {
                lastLabelled = x;
            }
            ticks.add(new Tick(x, end ? y + 18 : y - 2, y + 22, y + 32, label, anchor));
        }
        return ticks;
    }

    /** A band's colour from its tone in benchmarks.csv: strong where the metric is, pale elsewhere. */
    private static String tone(String tone, boolean active) {
        return switch (tone) {
            case Band.GOOD -> active ? "#2e8540" : "#cfe8d4";
            case Band.WATCH -> active ? "#c98a00" : "#f6e3b4";
            case Band.BAD -> active ? "#c0392b" : "#f3c6c1";
            default -> active ? "#5d6d7e" : "#dfe3e8";
        };
    }
}
