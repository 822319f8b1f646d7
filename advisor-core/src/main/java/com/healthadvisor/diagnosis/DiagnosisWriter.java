package com.healthadvisor.diagnosis;

import com.healthadvisor.Evidence;
import com.healthadvisor.Diagnosis;
import com.healthadvisor.facts.Finding;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.facts.Quantity;
import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import com.healthadvisor.metrics.MetricSheet;
import com.healthadvisor.metrics.ValueFormat;
import com.healthadvisor.Action;
import com.healthadvisor.ruleset.Band;
import com.healthadvisor.ruleset.BandRange;
import com.healthadvisor.ruleset.CodeWording;
import com.healthadvisor.ruleset.ImpactFormula;
import com.healthadvisor.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Gives a merged finding its words: title, explanation with the evidence filled in, actions and impact. */
public final class DiagnosisWriter {

    private final RuleSet ruleSet;
    private final MetricSheet sheet;
    private final ValueFormat format;
    private final int periodsPerYear;
    /** The band a metric is in, with its range: where an impact measures to. */
    private final Function<Metric, Optional<Band>> bands;
    /** How far new customers' ARPA may be from the base's before unit economics speak of new deals (P13). */
    private final double newDealGap;

    DiagnosisWriter(RuleSet ruleSet, MetricSheet sheet, ValueFormat format, int periodsPerYear,
                    Function<Metric, Optional<Band>> bands) {
        this.ruleSet = ruleSet;
        this.sheet = sheet;
        this.format = format;
        this.periodsPerYear = periodsPerYear;
        this.bands = bands;
        this.newDealGap = ruleSet.limits().has("new_deal_arpa_gap") ? ruleSet.limits().get("new_deal_arpa_gap")
                : NewDeals.DEFAULT_GAP;
    }

    Diagnosis write(FindingMerger.Merged merged) {
        Finding finding = NewDeals.mark(merged.finding(), sheet, newDealGap);
        CodeWording wording = ruleSet.wording().get(finding.code());
        Double impact = impact(wording, finding);
        Integer runRate = finding.notes().get(RunRates.NOTE) instanceof Number months ? months.intValue() : null;
        String explanation = wording.templateFor(finding.notes()).render(name -> lookup(name, finding));
        return new Diagnosis(0, finding.code(), finding.severity(), wording.dimension(), finding.scope(),
                wording.title(), runRate == null ? explanation : explanation + runRateWords(runRate),
                evidence(finding.evidence()), actions(wording, finding), impact,
                impact == null ? null : wording.impactKind(),
                merged.rule().id(), runRate);
    }

    /** The formula's value, never negative and never above the annual revenue of the finding's scope (P9). */
    private Double impact(CodeWording wording, Finding finding) {
        Double impact = wording.impact() == null ? null : wording.impact().evaluate(code -> switch (code) {
            case ImpactFormula.PERIODS_PER_YEAR -> Double.valueOf(periodsPerYear);
            case ImpactFormula.EDGE -> edge(finding, false);
            case ImpactFormula.EDGE_MONTHLY -> edge(finding, true);
            default -> sheet.find(finding.scope(), code).map(Metric::value).orElse(null);
        });
        if (impact == null || impact <= 0) {
            return null;
        }
        double bounded = sheet.find(finding.scope(), "arr").map(arr -> Math.min(arr.value(), impact)).orElse(impact);
        return Math.round(bounded * 100) / 100.0;
    }

    /**
     * The edge of the band the finding's first evidence is in, toward the better bands (judgment.md P9: at stake
     * is measured to the nearest acceptable band), as a monthly-equivalent rate when asked and the evidence is an
     * annual-equivalent one. Null when the evidence has no band or the band no edge on that side.
     */
    private Double edge(Finding finding, boolean monthly) {
        if (finding.evidence().isEmpty()) {
            return null;
        }
        Metric metric = finding.evidence().get(0);
        if (metric.band() == null) {
            return null;
        }
        BandRange range = bands.apply(metric).map(Band::range).orElse(null);
        if (range == null) {
            return null;
        }
        double edge = MetricCatalog.get(metric.code()).lowerIsBetter() ? range.low() : range.high();
        if (!Double.isFinite(edge)) {
            return null;
        }
        return monthly && metric.code().endsWith("_annual") ? 1 - Math.pow(1 - edge, 1 / 12.0) : edge;
    }

    /**
     * A code's own actions; for an umbrella (RETENTION_FIRST) its own, then the first action of each finding it
     * gathers (judgment.md P10), so that it never asks for work on something the snapshot does not show.
     */
    private List<Action> actions(CodeWording wording, Finding finding) {
        List<Action> own = wording.actionsFor(finding.notes());
        if (!(finding.notes().get("flags") instanceof List<?> flags)) {
            return own;
        }
        List<Action> actions = new ArrayList<>(own);
        for (Object flag : flags) {
            CodeWording gathered = ruleSet.wording().get(String.valueOf(flag));
            if (gathered != null && !gathered.actions().isEmpty() && !actions.contains(gathered.actions().get(0))) {
                actions.add(gathered.actions().get(0));
            }
        }
        return List.copyOf(actions);
    }

    private static String runRateWords(int months) {
        return " This is a run rate: a year's figure from " + (months == 1 ? "one month" : months + " months")
                + " of data, what a year would bring if this period's rate held for a year.";
    }

    private static List<Evidence> evidence(List<Metric> metrics) {
        List<Evidence> evidence = new ArrayList<>(metrics.size());
        for (Metric metric : metrics) {
            evidence.add(new Evidence(metric.code(), metric.scope(), metric.value(), metric.unit(), metric.band(),
                    metric.benchmark()));
        }
        return Collections.unmodifiableList(evidence);
    }

    private String lookup(String placeholder, Finding finding) {
        switch (placeholder) {
            case "scope" -> {
                return scopeInWords(finding.scope());
            }
            case "subject" -> {
                return finding.subject() == null ? null : MetricCatalog.find(finding.subject())
                        .map(MetricDefinition::label).orElse(finding.subject().replace('_', ' '));
            }
            case "value" -> {
                return finding.evidence().isEmpty() ? null : valueOf(finding.evidence().get(0));
            }
            case "evidence" -> {
                StringBuilder named = new StringBuilder(64);
                for (Metric metric : finding.evidence()) {
                    named.append(named.isEmpty() ? "" : ", ").append(named(metric, finding.scope()));
                }
                return named.toString();
            }
            default -> {
                // a note or a metric, below
            }
        }
        if (finding.notes().containsKey(placeholder)) {
            return note(finding.notes().get(placeholder));
        }
        int dot = placeholder.indexOf('.');
        String code = dot < 0 ? placeholder : placeholder.substring(0, dot);
        Metric metric = metric(finding, code);
        if (metric == null) {
            return null;
        }
        return switch (dot < 0 ? "" : placeholder.substring(dot + 1)) {
            case "band" -> metric.band() == null ? null : metric.band().replace('_', ' ');
            case "benchmark" -> metric.benchmark();
            case "age" -> metric.age() == null ? null : String.valueOf(metric.age());
            default -> valueOf(metric);
        };
    }

    /** The finding's own evidence of a code first, else the sheet's fact in the finding's scope; null if neither. */
    private Metric metric(Finding finding, String code) {
        for (Metric evidence : finding.evidence()) {
            if (evidence.code().equals(code)) {
                return evidence;
            }
        }
        return sheet.find(finding.scope(), code).orElse(null);
    }

    private String valueOf(Metric metric) {
        return format.format(metric.value(), metric.unit(), ruleSet.benchmarks().edges(metric.code()));
    }

    /** "NRR 75.0%", or "ARPA $50 in market smb" for evidence from another scope than the finding's. */
    private String named(Metric metric, String scope) {
        String named = MetricCatalog.get(metric.code()).label() + " " + valueOf(metric);
        return metric.scope().equals(scope) ? named : named + " in " + scopeInWords(metric.scope());
    }

    private String note(Object value) {
        if (value instanceof Metric metric) {
            return valueOf(metric);
        }
        if (value instanceof Quantity quantity) {
            return format.format(quantity.value(), quantity.unit());
        }
        if (value instanceof List<?> codes) {
            StringBuilder titles = new StringBuilder(64 * codes.size());
            for (Object code : codes) {
                titles.append(titles.isEmpty() ? "" : "; ").append(titleOf(String.valueOf(code)));
            }
            return titles.toString();
        }
        if (value instanceof Double number && number == Math.rint(number)) {
            return String.valueOf(number.longValue());
        }
        return String.valueOf(value);
    }

    private String titleOf(String code) {
        CodeWording wording = ruleSet.wording().get(code);
        return wording == null ? code : Character.toLowerCase(wording.title().charAt(0)) + wording.title().substring(1);
    }

    private static final Map<String, String> MARKETS =
            Map.of("smb", "SMB", "mid_market", "mid-market", "enterprise", "enterprise", "mixed", "mixed");

    /** "the company", "product Legacy", "market mid-market", "cohort 2024-01". */
    public static String scopeInWords(String scope) {
        if (Metric.COMPANY.equals(scope)) {
            return "the company";
        }
        int colon = scope.indexOf(':');
        String dimension = scope.substring(0, colon);
        String name = scope.substring(colon + 1);
        return dimension.replace('_', ' ') + " " + (dimension.equals("market") ? MARKETS.getOrDefault(name, name) : name);
    }
}
