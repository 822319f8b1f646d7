package com.healthadvisor.ruleset;

import com.healthadvisor.RuleProblem;
import com.healthadvisor.facts.Limit;
import com.healthadvisor.facts.LimitValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named thresholds of {@code rules/limits.csv} ({@code name,value,meaning}) that are not bands of
 * one metric: tolerances, and comparisons between two metrics.
 */
public final class Limits {

    public static final String FILE = "limits.csv";
    static final List<String> HEADER = List.of("name", "value", "meaning");

    /** Limits that the advisor itself reads (for the overall health verdict), so they must exist. */
    static final List<String> REQUIRED = List.of("health_critical_runway_months", "health_critical_ltv_cac_ratio",
            "health_critical_dimensions", "health_concerning_high_dimensions", "health_critical_umbrella_findings",
            "health_min_dimensions", "min_customers_for_rates", "min_customers_for_cohort",
            "conflict_tolerance_points", "conflict_tolerance_relative", "run_rate_below_months",
            "retention_first_min_flags");

    private final Map<String, Double> values;
    private final LimitValues forRules;

    private Limits(Map<String, Double> values) {
        this.values = Map.copyOf(values);
        this.forRules = new LimitValues(values);
    }

    /** The limits as every rule session sees them: {@code limits.value("name")}. */
    public LimitValues forRules() {
        return forRules;
    }

    public double get(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("limit " + name + " is not in " + FILE);
        }
        return value;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The limits as facts, those named only (every limit when {@code names} is null). */
    List<Limit> facts(Set<String> names) {
        return values.entrySet().stream().filter(e -> names == null || names.contains(e.getKey()))
                .map(e -> new Limit(e.getKey(), e.getValue())).toList();
    }

    static Limits parse(RuleFile file, List<RuleProblem> problems) {
        List<CsvLines.Row> rows = CsvLines.read(file, problems);
        Map<String, Double> values = new LinkedHashMap<>();
        if (rows.isEmpty() || !rows.get(0).cells().stream().map(String::trim).toList().equals(HEADER)) {
            problems.add(new RuleProblem(file.name(), rows.isEmpty() ? 1 : rows.get(0).line(),
                    "the first line must be the header " + String.join(",", HEADER)));
            return new Limits(values);
        }
        for (CsvLines.Row row : rows.subList(1, rows.size())) {
            String name = row.cell(0);
            if (!name.matches("[a-z][a-z0-9_]*")) {
                problems.add(new RuleProblem(file.name(), row.line(), "limit name must be a lower-case word (was \""
                        + name + "\")"));
            } else if (values.containsKey(name)) {
                problems.add(new RuleProblem(file.name(), row.line(), "limit " + name + " is defined twice"));
            } else {
                number(row.cell(1)).ifPresentOrElse(value -> values.put(name, value),
                        () -> problems.add(new RuleProblem(file.name(), row.line(),
                                "value of " + name + " must be a plain number such as 0.01 (was \"" + row.cell(1) + "\")")));
            }
        }
        List<String> missing = new ArrayList<>(REQUIRED);
        missing.removeAll(values.keySet());
        missing.forEach(name -> problems.add(new RuleProblem(file.name(), 0, "missing limit " + name)));
        return new Limits(values);
    }

    private static Optional<Double> number(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
