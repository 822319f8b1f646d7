package com.healthadvisor.ruleset;

import com.healthadvisor.RuleProblem;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.snapshot.Profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark bands of {@code rules/benchmarks.csv}. A value takes the first band of its metric,
 * in file order, whose range contains it and whose stage, market and periodicity apply; so where two
 * ranges share a boundary value, the band listed first (the milder one) takes it.
 */
public final class Benchmarks {

    public static final String FILE = "benchmarks.csv";
    static final List<String> HEADER = List.of("metric", "band", "range", "stage", "market", "periodicity", "tone");
    /** The header before bands had a tone: still read, every band then neutral. */
    private static final List<String> HEADER_WITHOUT_TONE = HEADER.subList(0, HEADER.size() - 1);
    private static final Map<String, Set<String>> QUALIFIER_WORDS = Map.of(
            "stage", Set.copyOf(Profile.STAGES),
            "market", Set.copyOf(java.util.stream.Stream.concat(Profile.MARKETS.stream(), java.util.stream.Stream.of(
                    Band.NONE)).toList()),
            "periodicity", Set.of("monthly", "quarterly", "annual"));

    private static final double[] NO_EDGES = new double[0];

    private final Map<String, List<Band>> byMetric;
    /**
     * A band's words depend only on the band and the currency: written once, not for every metric fact. Keyed by
     * currency, then by the band's line, which is unique in the file and cheaper to hash than the band itself.
     */
    private final Map<String, Map<Integer, String>> descriptions = new java.util.concurrent.ConcurrentHashMap<>();

    /** Each metric's band edges, worked out once: explanations ask for them for every number they write. */
    private final Map<String, double[]> edges;

    private Benchmarks(List<Band> bands) {
        this.byMetric = bands.stream().collect(Collectors.groupingBy(Band::metric,
                java.util.LinkedHashMap::new, Collectors.toList()));
        this.edges = byMetric.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().stream()
                        .flatMapToDouble(band -> java.util.stream.DoubleStream.of(band.range().low(), band.range().high()))
                        .filter(Double::isFinite).distinct().toArray()));
    }

    public Optional<Band> bandFor(Metric metric, String stage, String market, String periodicity) {
        for (Band band : byMetric.getOrDefault(metric.code(), List.of())) {
            if (band.appliesTo(stage, market, periodicity) && band.contains(metric.value())) {
                return Optional.of(band);
            }
        }
        return Optional.empty();
    }

    /** Every band, in file order. */
    public List<Band> all() {
        return byMetric.values().stream().flatMap(List::stream).sorted(java.util.Comparator.comparingInt(Band::line))
                .toList();
    }

    /** The bands of a metric that apply to a snapshot's stage, market and periodicity, in file order. */
    public List<Band> bandsFor(String metric, String stage, String market, String periodicity) {
        return byMetric.getOrDefault(metric, List.of()).stream()
                .filter(band -> band.appliesTo(stage, market, periodicity)).toList();
    }

    /** E.g. "logo churn above 5.0% counts as crisis", in the given currency. */
    public String describe(Band band, String currency) {
        Map<Integer, String> inCurrency = descriptions.get(currency);
        if (inCurrency == null) {
            inCurrency = descriptions.computeIfAbsent(currency, c -> new java.util.concurrent.ConcurrentHashMap<>());
        }
        // A plain read first: computeIfAbsent would lock the bin on every hit, and this runs for every metric.
        String known = inCurrency.get(band.line());
        return known != null ? known : inCurrency.computeIfAbsent(band.line(),
                line -> band.describe(new com.healthadvisor.metrics.ValueFormat(currency)));
    }

    /** Every finite edge of a metric's bands, in any context: where a written value must not round across. */
    public double[] edges(String metric) {
        return edges.getOrDefault(metric, NO_EDGES);
    }

    /**
     * Where a metric stops being good, for a chart's line: the edge between its good bands and the others, on the
     * side of the first other band (10% for a top customer's share). Empty without such an edge.
     */
    public java.util.OptionalDouble goodEdge(String metric, String stage, String market, String periodicity) {
        List<Band> bands = bandsFor(metric, stage, market, periodicity);
        for (Band band : bands) {
            if (band.tone().equals(Band.GOOD)) {
                continue;
            }
            for (Band good : bands) {
                if (good.tone().equals(Band.GOOD)) {
                    if (good.range().high() == band.range().low()) {
                        return java.util.OptionalDouble.of(band.range().low());
                    }
                    if (good.range().low() == band.range().high()) {
                        return java.util.OptionalDouble.of(band.range().high());
                    }
                }
            }
        }
        return java.util.OptionalDouble.empty();
    }

    /** The edge of a metric's first band of a tone that is not +/-infinity, e.g. -5 points for degrading cohorts. */
    public java.util.OptionalDouble edgeOf(String metric, String tone, String stage, String market, String periodicity) {
        for (Band band : bandsFor(metric, stage, market, periodicity)) {
            if (band.tone().equals(tone)) {
                double edge = Double.isFinite(band.range().high()) ? band.range().high() : band.range().low();
                if (Double.isFinite(edge)) {
                    return java.util.OptionalDouble.of(edge);
                }
            }
        }
        return java.util.OptionalDouble.empty();
    }

    public boolean hasBand(String metric, String band) {
        return byMetric.getOrDefault(metric, List.of()).stream().anyMatch(b -> b.name().equals(band));
    }

    public boolean hasBandAnywhere(String band) {
        return byMetric.values().stream().flatMap(List::stream).anyMatch(b -> b.name().equals(band));
    }

    /** Reads the file, adding a problem for every bad line; the bands that did parse are kept. */
    static Benchmarks parse(RuleFile file, List<RuleProblem> problems) {
        List<CsvLines.Row> rows = CsvLines.read(file, problems);
        List<String> header = rows.isEmpty() ? List.of() : rows.get(0).cells().stream().map(String::trim).toList();
        if (!header.equals(HEADER) && !header.equals(HEADER_WITHOUT_TONE)) {
            problems.add(new RuleProblem(file.name(), rows.isEmpty() ? 1 : rows.get(0).line(),
                    "the first line must be the header " + String.join(",", HEADER)));
            return new Benchmarks(List.of());
        }
        List<Band> bands = new ArrayList<>();
        for (CsvLines.Row row : rows.subList(1, rows.size())) {
            try {
                Band band = band(row);
                checkOverlap(band, bands);
                bands.add(band);
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(file.name(), row.line(), e.getMessage()));
            }
        }
        return new Benchmarks(bands);
    }

    private static Band band(CsvLines.Row row) {
        if (row.cells().size() > HEADER.size()) {
            throw new IllegalArgumentException("expected " + HEADER.size() + " columns (" + String.join(",", HEADER)
                    + ") but found " + row.cells().size() + "; quote a value that holds a comma");
        }
        String metric = row.cell(0);
        if (!MetricCatalog.isKnown(metric)) {
            throw new IllegalArgumentException("unknown metric \"" + metric + "\"; did you mean \""
                    + MetricCatalog.nearest(metric) + "\"?");
        }
        String name = row.cell(1);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("band name must be a lower-case word such as great or leaky_bucket (was \""
                    + name + "\")");
        }
        BandRange range = BandRange.parse(row.cell(2), MetricCatalog.get(metric).unit());
        String tone = row.cell(6).isEmpty() ? Band.NEUTRAL : row.cell(6);
        if (!Band.TONES.contains(tone)) {
            throw new IllegalArgumentException("unknown tone \"" + tone + "\"; use " + String.join(", ", Band.TONES));
        }
        return new Band(metric, name, range, words(row, 3), words(row, 4), words(row, 5), tone, row.line());
    }

    private static Set<String> words(CsvLines.Row row, int column) {
        String cell = row.cell(column);
        if (cell.isEmpty()) {
            return Set.of();
        }
        String qualifier = HEADER.get(column);
        Set<String> words = new LinkedHashSet<>();
        for (String word : Arrays.stream(cell.split("\\|")).map(String::trim).toList()) {
            if (!QUALIFIER_WORDS.get(qualifier).contains(word)) {
                throw new IllegalArgumentException("unknown " + qualifier + " \"" + word + "\"; use "
                        + String.join(", ", QUALIFIER_WORDS.get(qualifier).stream().sorted().toList())
                        + " (several with |)");
            }
            words.add(word);
        }
        return words;
    }

    private static void checkOverlap(Band band, List<Band> earlier) {
        for (Band other : earlier) {
            if (other.metric().equals(band.metric()) && other.sharesContextWith(band)
                    && other.range().overlaps(band.range())) {
                throw new IllegalArgumentException("band " + band.name() + " (" + band.range() + ") overlaps band "
                        + other.name() + " (" + other.range() + ") of " + band.metric() + " on line " + other.line());
            }
        }
    }
}
