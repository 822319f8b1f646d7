package com.healthadvisor.report;

import com.healthadvisor.Action;
import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult.MetricValue;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.Evidence;
import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import com.healthadvisor.facts.Severity;
import com.healthadvisor.metrics.ValueFormat;
import com.healthadvisor.ruleset.CodeWording;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.healthadvisor.report.ReportView.ActionRow;
import static com.healthadvisor.report.ReportView.Definition;
import static com.healthadvisor.report.ReportView.DiagnosisView;
import static com.healthadvisor.report.ReportView.DimensionSection;
import static com.healthadvisor.report.ReportView.EvidenceRow;
import static com.healthadvisor.report.ReportView.Item;
import static com.healthadvisor.report.ReportView.OwnerActions;
import static com.healthadvisor.report.ReportView.TargetRow;
import static com.healthadvisor.report.ReportView.Trend;

/** Turns a result (and the snapshot behind it) into a report in seed 001's standard structure. */
final class ReportBuilder {

    private static final int TOP_RISKS = 3;

    private final DiagnosisResult result;
    private final Snapshot snapshot;
    private final RuleSet ruleSet;
    private final ValueFormat format;
    private final Set<String> shownMetrics = new LinkedHashSet<>();
    private Map<Integer, Integer> shownNumbers;

    ReportBuilder(DiagnosisResult result, Snapshot snapshot, RuleSet ruleSet) {
        this.result = result;
        this.snapshot = snapshot;
        this.ruleSet = ruleSet;
        this.format = new ValueFormat(result.currency());
    }

    private PeriodChanges since;

    /** A stored period's report also says what changed since the period before. */
    ReportBuilder since(PeriodChanges changes) {
        this.since = changes;
        return this;
    }

    ReportView build() {
        ReportView.Charts charts = new Charts(result, snapshot).build(ruleSet.benchmarks());
        if (charts.benchmarks() != null) {
            MetricCatalog.HEADLINE.stream().filter(code -> company(code).isPresent()).forEach(shownMetrics::add);
        }
        List<Trend> trends = trends();
        List<TargetRow> targets = targets();
        List<DimensionSection> dimensions = dimensions();
        InputsToSend.Lists unassessed = InputsToSend.of(result.notAssessed(), ruleSet);
        return new ReportView(result.company() == null ? "Company" : result.company(), Words.period(result.period()),
                result.currency(), result.health(), Words.health(result.health()), healthReason(),
                wins(), risks(), trends, targets, dimensions, owners(), definitions(), unassessed.toSend(),
                unassessed.notJudged(),
                result.ruleSet().version(), Words.instant(result.ruleSet().loadedAt()), result.ruleSet().rules(), charts,
                since);
    }

    private String healthReason() {
        if (result.healthReason() != null) {
            return Character.toUpperCase(result.healthReason().charAt(0)) + result.healthReason().substring(1) + ".";
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            long count = result.diagnoses().stream().filter(d -> d.severity().equals(severity.word())).count();
            if (severity.isProblem() && count > 0) {
                counts.put(severity.word(), count);
            }
        }
        if (counts.isEmpty()) {
            return "No risk found in what the snapshot shows.";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((severity, count) -> parts.add(count + " " + severity));
        return String.join(", ", parts) + (counts.values().stream().mapToLong(Long::longValue).sum() == 1
                ? " finding." : " findings.");
    }

    private List<Item> wins() {
        return result.diagnoses().stream().filter(d -> d.severity().equals("positive"))
                .map(d -> new Item(d.title(), d.explanation(), "Positive", "positive", Words.scope(d.scope()), null)).toList();
    }

    private List<Item> risks() {
        return result.diagnoses().stream().filter(d -> !d.severity().equals("positive") && !d.severity().equals("info"))
                .limit(TOP_RISKS)
                .map(d -> new Item(d.title(), d.explanation(), Words.capitalized(d.severity()), d.severity(),
                        Words.scope(d.scope()), impact(d)))
                .toList();
    }

    private String impact(Diagnosis diagnosis) {
        if (diagnosis.impact() == null) {
            return null;
        }
        if (CodeWording.EXPOSURE.equals(diagnosis.impactKind())) {
            return format.money(diagnosis.impact()) + " a year exposed";
        }
        return format.money(diagnosis.impact()) + (diagnosis.runRateMonths() == null ? " a year at stake"
                : " a year at stake at this period's run rate");
    }

    /** Trends computed against the history entry right before the current period. */
    private static final java.util.Set<String> PREVIOUS_ENTRY =
            java.util.Set.of("gross_revenue_growth_rate", "net_revenue_growth_rate", "arpu_growth_rate");

    private String previousPeriod() {
        return snapshot.history().isEmpty() ? "the previous period"
                : Words.period(snapshot.history().get(snapshot.history().size() - 1).period());
    }

    private List<Trend> trends() {
        List<Trend> trends = new ArrayList<>();
        String since = snapshot.history().isEmpty() ? null : Words.period(snapshot.history().get(0).period());
        for (String code : MetricCatalog.TRENDS) {
            company(code).ifPresent(m -> {
                shownMetrics.add(code);
                // Labelled with the window it really covers (judgment.md P17), not "the previous period" for a year.
                String meaning = code.equals("logo_churn_change") && since != null ? "since " + since
                        : PREVIOUS_ENTRY.contains(code) ? "against " + previousPeriod()
                        : Words.window(m.windowMonths());
                trends.add(new Trend(Words.metric(code), shown(code, m.value(), m.unit()), meaning));
            });
        }
        return trends;
    }

    /** A value as the report writes it: with the precision its band edges need (judgment.md P10). */
    private String shown(String code, double value, String unit) {
        return format.format(value, unit, ruleSet.benchmarks().edges(code));
    }

    private List<TargetRow> targets() {
        List<TargetRow> rows = new ArrayList<>();
        snapshot.targets().forEach((code, target) -> {
            MetricDefinition metric = MetricCatalog.get(code);
            Optional<MetricValue> actual = company(code);
            shownMetrics.add(code);
            boolean met = actual.isPresent() && metric.meets(actual.get().value(), target);
            // Near its target, an actual is written with the precision that tells the two apart (P10).
            double[] edge = {target};
            rows.add(new TargetRow(Words.metric(code), format.format(target, metric.unit(), edge),
                    actual.map(m -> format.format(m.value(), m.unit(), edge)).orElse("not known"),
                    actual.isEmpty() ? "Not assessed" : met ? "Met" : "Missed", met));
        });
        return rows;
    }

    private List<DiagnosisResult.DimensionStatus> mostUrgentDimensionFirst() {
        return result.dimensions().stream()
                .sorted(java.util.Comparator.comparingInt(status -> result.diagnoses().stream()
                        .filter(d -> d.dimension().equals(status.dimension())).mapToInt(Diagnosis::rank).min()
                        .orElse(Integer.MAX_VALUE)))
                .toList();
    }

    /**
     * Each finding's number in the report: the order the drill-downs show them (grouped by dimension), so that
     * a reader counting down the page and an action's "#3" agree. The JSON's rank stays the order to act in.
     */
    private Map<Integer, Integer> shownNumbers() {
        if (shownNumbers == null) {
            shownNumbers = new java.util.HashMap<>();
            for (DiagnosisResult.DimensionStatus status : mostUrgentDimensionFirst()) {
                result.diagnoses().stream().filter(d -> d.dimension().equals(status.dimension()))
                        .forEach(d -> shownNumbers.put(d.rank(), shownNumbers.size() + 1));
            }
        }
        return shownNumbers;
    }

    private List<DimensionSection> dimensions() {
        List<DimensionSection> sections = new ArrayList<>();
        for (DiagnosisResult.DimensionStatus status : mostUrgentDimensionFirst()) {
            List<DiagnosisView> diagnoses = result.diagnoses().stream()
                    .filter(d -> d.dimension().equals(status.dimension())).map(this::diagnosis).toList();
            sections.add(new DimensionSection(Words.capitalized(status.dimension()), Words.capitalized(status.status()),
                    status.status(), diagnoses));
        }
        return sections;
    }

    private DiagnosisView diagnosis(Diagnosis d) {
        List<EvidenceRow> evidence = new ArrayList<>();
        for (Evidence e : d.evidence()) {
            shownMetrics.add(e.metric());
            evidence.add(new EvidenceRow(Words.metric(e.metric()), Words.scope(e.scope()),
                    shown(e.metric(), e.value(), e.unit()), e.benchmark() == null ? "—" : e.benchmark()));
        }
        return new DiagnosisView(shownNumbers().getOrDefault(d.rank(), d.rank()), d.title(), Words.capitalized(d.severity()), d.severity(),
                Words.scope(d.scope()), d.explanation(), impact(d), evidence);
    }

    /**
     * Actions grouped by owner, owners in the order of their most urgent action, actions in rank order; an action
     * with the intent of one before it for the same owner (the same words, or most of them: "Stop scaling
     * acquisition until retention is fixed" and "Fix retention before scaling acquisition") is not repeated, and
     * the first names every finding it serves.
     */
    private List<OwnerActions> owners() {
        Map<String, List<ActionRow>> byOwner = new LinkedHashMap<>();
        for (Diagnosis d : result.diagnoses()) {
            for (Action action : d.actions()) {
                List<ActionRow> actions = byOwner.computeIfAbsent(action.owner(), o -> new ArrayList<>());
                int number = shownNumbers().getOrDefault(d.rank(), d.rank());
                Optional<ActionRow> same = actions.stream()
                        .filter(row -> Intent.same(row.action(), action.action())).findFirst();
                if (same.isEmpty()) {
                    actions.add(new ActionRow(number, action.action(), d.title(), List.of()));
                } else if (same.get().number() != number && same.get().alsoServes().stream()
                        .noneMatch(also -> also.number() == number)) {
                    actions.set(actions.indexOf(same.get()), same.get().alsoServing(new ActionRow.Finding(number,
                            d.title())));
                }
            }
        }
        List<OwnerActions> owners = new ArrayList<>();
        byOwner.forEach((owner, actions) -> owners.add(new OwnerActions(owner, actions)));
        return owners;
    }

    private List<Definition> definitions() {
        return shownMetrics.stream().sorted()
                .map(code -> new Definition(Words.metric(code), code, MetricCatalog.find(code).map(MetricDefinition::formula).orElse(""))).toList();
    }

    private Optional<MetricValue> company(String code) {
        return result.metrics().stream().filter(m -> m.scope().equals("company") && m.code().equals(code)).findFirst();
    }
}
