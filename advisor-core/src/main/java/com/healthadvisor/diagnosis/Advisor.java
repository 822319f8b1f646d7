package com.healthadvisor.diagnosis;

import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.facts.Context;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.metrics.Judging;
import com.healthadvisor.metrics.MetricCalculator;
import com.healthadvisor.metrics.MetricSheet;
import com.healthadvisor.metrics.ValueFormat;
import com.healthadvisor.ruleset.Limits;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.snapshot.Snapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Diagnoses one snapshot with one rule set: metric facts in, ranked diagnoses and a health verdict out.
 * Stateless and thread-safe; each call runs its own session over the rule set's shared KieBase.
 */
public final class Advisor {

    public static final int DEFAULT_MAX_FIRINGS = 10_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);


    private final MetricCalculator calculator = new MetricCalculator();
    private final Assessment assessment = new Assessment();
    private final RuleSession.Limits limits;

    /**
     * @param maxFirings rule firings one evaluation may make before it is stopped as a loop
     * @param timeout    how long one evaluation may run before it is halted
     * @param watchdog   what halts, then stops, an evaluation past its timeout
     */
    public Advisor(int maxFirings, Duration timeout, Watchdog watchdog) {
        this.limits = new RuleSession.Limits(maxFirings, timeout, watchdog);
    }

    /** The default limits, watched by the JVM's shared watchdog: the command line and embedding programs. */
    public Advisor() {
        this(DEFAULT_MAX_FIRINGS, DEFAULT_TIMEOUT, Watchdog.shared());
    }

    public DiagnosisResult diagnose(Snapshot snapshot, RuleSet ruleSet) {
        return diagnose(snapshot, ruleSet, List.of());
    }

    /**
     * @param outside metrics the snapshot cannot tell by itself (how its history compares with the periods a
     *                company stored), judged with the rest
     */
    public DiagnosisResult diagnose(Snapshot snapshot, RuleSet ruleSet, List<Metric> outside) {
        MetricSheet calculated = calculator.calculate(snapshot, judging(ruleSet.limits()));
        MetricSheet raw = outside.isEmpty() ? calculated : calculated.withMetrics(concat(calculated.metrics(), outside));
        String stage = Banding.stage(snapshot, raw.metrics(), ruleSet.benchmarks());
        MetricSheet sheet = raw.withMetrics(Banding.apply(raw.metrics(), snapshot, stage, ruleSet.benchmarks(),
                ruleSet.limits().get("min_customers_for_rates")));
        List<RuleSession.Concluded> concluded = RunRates.cap(
                RuleSession.run(ruleSet.sessions(), facts(snapshot, stage, sheet, ruleSet), ruleSet.limits().forRules(),
                        limits),
                ruleSet.limits().get("run_rate_below_months"), ruleSet.limits().get("retention_first_min_flags"));
        ScaleAdvice.Silenced silenced = ScaleAdvice.silence(FindingMerger.merge(concluded, ruleSet), ruleSet);
        List<FindingMerger.Merged> findings = silenced.kept();
        DiagnosisWriter writer = new DiagnosisWriter(ruleSet, sheet, new ValueFormat(snapshot.currency()),
                snapshot.periodicity().periodsPerYear(),
                metric -> Banding.bandOf(metric, snapshot, stage, ruleSet.benchmarks()));
        List<Diagnosis> diagnoses = Ranking.rank(findings, writer, ruleSet);
        Set<String> fired = new HashSet<>();
        for (Diagnosis diagnosis : diagnoses) {
            fired.add(diagnosis.code());
        }
        List<DiagnosisResult.NotAssessed> notAssessed = withSilenced(
                assessment.notAssessed(ruleSet.wording().values(), fired, sheet, snapshot, stage,
                        ruleSet.limits().get("min_customers_for_rates")), silenced.silenced());
        Health.Verdict verdict = Health.verdict(diagnoses, findings, sheet, ruleSet, notAssessed);
        return new DiagnosisResult(snapshot.company(), snapshot.period(), snapshot.currency(), stage,
                verdict.health(), verdict.reason(),
                new DiagnosisResult.RuleSetInfo(ruleSet.version(), ruleSet.ruleCount(), ruleSet.loadedAt()),
                Health.dimensions(diagnoses), diagnoses, metricValues(sheet), notAssessed);
    }

    /**
     * The latest age of each trend across cohorts (a company fact with an age). A trend at an earlier age, in no band,
     * is left out of the session: rules compare cohorts by band (judgment.md P16, at every age), and the quiet ages
     * would only cost time; the latest age always goes in.
     */
    private static Map<String, Integer> latestTrendAges(List<Metric> metrics) {
        Map<String, Integer> latest = new HashMap<>();
        for (Metric metric : metrics) {
            if (metric.age() != null && metric.isCompany()) {
                latest.merge(metric.code(), metric.age(), Math::max);
            }
        }
        return latest;
    }

    private static boolean quietEarlierAge(Metric metric, Map<String, Integer> latestAges) {
        return metric.band() == null && metric.age() != null && metric.isCompany()
                && metric.age() < latestAges.get(metric.code());
    }

    /** The codes not assessed, with those silenced by P15 in the same order (by code). */
    private static List<DiagnosisResult.NotAssessed> withSilenced(List<DiagnosisResult.NotAssessed> notAssessed,
                                                                  List<DiagnosisResult.NotAssessed> silenced) {
        if (silenced.isEmpty()) {
            return notAssessed;
        }
        List<DiagnosisResult.NotAssessed> all = new ArrayList<>(notAssessed);
        for (DiagnosisResult.NotAssessed one : silenced) {
            all.removeIf(other -> other.code().equals(one.code()));
            all.add(one);
        }
        all.sort(Comparator.comparing(DiagnosisResult.NotAssessed::code));
        return all;
    }

    private static List<Metric> concat(List<Metric> first, List<Metric> second) {
        List<Metric> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Judging judging(Limits limits) {
        // A rules directory written before a limit existed keeps working on the default's value.
        double maxRunRateGrowth = limits.has("max_run_rate_growth") ? limits.get("max_run_rate_growth")
                : Judging.DEFAULT.maxRunRateGrowth();
        return new Judging(limits.get("min_customers_for_cohort"), limits.get("conflict_tolerance_points"),
                limits.get("conflict_tolerance_relative"), maxRunRateGrowth);
    }

    private static List<Object> facts(Snapshot snapshot, String stage, MetricSheet sheet, RuleSet ruleSet) {
        List<Object> facts = new ArrayList<>(sheet.metrics().size());
        // A slice that pays nothing (a free plan) adds no finding and removes none (judgment.md P4).
        Set<String> free = sheet.freeSlices();
        Map<String, Integer> latestAges = latestTrendAges(sheet.metrics());
        for (Metric metric : sheet.metrics()) {
            if (ruleSet.readsMetric(metric.code()) && (free.isEmpty() || !free.contains(metric.scope()))
                    && !quietEarlierAge(metric, latestAges)) {
                facts.add(metric);
            }
        }
        facts.addAll(sheet.discrepancies());
        facts.addAll(sheet.targets());
        facts.addAll(ruleSet.limitFacts());
        facts.add(new Context(snapshot.company(), snapshot.period(), snapshot.periodicity().word(),
                snapshot.periodicity().periodsPerYear(), stage, snapshot.profile().market(),
                snapshot.profile().model()));
        return facts;
    }

    /**
     * The company's metrics first, then the breakdowns' (by dimension, then name), then the cohorts' (oldest
     * first); within each, the calculator's order, which is the same in every run (docs/contract.md, "Order").
     */
    private static List<DiagnosisResult.MetricValue> metricValues(MetricSheet sheet) {
        List<DiagnosisResult.MetricValue> company = new ArrayList<>(sheet.metrics().size());
        List<DiagnosisResult.MetricValue> breakdowns = new ArrayList<>();
        List<DiagnosisResult.MetricValue> cohorts = new ArrayList<>();
        for (Metric metric : sheet.metrics()) {
            List<DiagnosisResult.MetricValue> group = metric.isCompany() ? company
                    : metric.dimension().equals(Metric.COHORT) ? cohorts : breakdowns;
            group.add(metricValue(metric));
        }
        company.addAll(breakdowns);
        company.addAll(cohorts);
        return company;
    }

    private static DiagnosisResult.MetricValue metricValue(Metric m) {
        return new DiagnosisResult.MetricValue(m.code(), m.scope(), m.age(), m.value(), m.unit(), m.source(), m.band(),
                m.windowMonths());
    }
}
