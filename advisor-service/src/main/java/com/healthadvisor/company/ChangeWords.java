package com.healthadvisor.company;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import com.healthadvisor.metrics.ValueFormat;
import com.healthadvisor.report.PeriodChanges;

import java.util.List;
import java.util.stream.Collectors;

/** Changes between two periods in the words of a report: what each finding did, and the figures that moved. */
public final class ChangeWords {

    private ChangeWords() {
    }

    public static PeriodChanges of(Changes changes, String currency) {
        ValueFormat format = new ValueFormat(currency);
        String headline = changes.headline().map(h -> sentence(h.kind(), h.change(), format)).orElse(null);
        return new PeriodChanges(changes.from(), headline, lines(changes.newFindings(), format),
                lines(changes.resolved(), format), lines(changes.worse(), format), lines(changes.better(), format));
    }

    private static List<PeriodChanges.Line> lines(List<Changes.Change> changes, ValueFormat format) {
        return changes.stream().map(c -> new PeriodChanges.Line(c.title(), detail(c, format))).toList();
    }

    private static String detail(Changes.Change change, ValueFormat format) {
        String severity = change.severityFrom() == null ? "now " + change.severityTo()
                : change.severityTo() == null ? "was " + change.severityFrom()
                : change.severityFrom().equals(change.severityTo()) ? "still " + change.severityTo()
                : change.severityFrom() + " → " + change.severityTo();
        String scope = change.scope().equals("company") ? ""
                : " in " + com.healthadvisor.diagnosis.DiagnosisWriter.scopeInWords(change.scope());
        String moves = moves(change.moves(), format);
        return severity + scope + (moves.isEmpty() ? "" : "; " + moves);
    }

    private static String sentence(String kind, Changes.Change change, ValueFormat format) {
        String what = switch (kind) {
            case "new" -> change.title() + " (new, " + change.severityTo() + ")";
            case "worse" -> change.title() + " got worse (" + detail(change, format) + ")";
            case "resolved" -> change.title() + " was resolved";
            default -> change.title() + " improved (" + detail(change, format) + ")";
        };
        String moves = kind.equals("worse") || kind.equals("better") ? "" : moves(change.moves(), format);
        return what + (moves.isEmpty() ? "" : ": " + moves) + ".";
    }

    /** "logo churn 3.0% → 4.5%", for the figures that were there in both periods and moved. */
    private static String moves(List<Changes.MetricMove> moves, ValueFormat format) {
        return moves.stream()
                .filter(m -> m.from() != null && m.to() != null && !m.from().equals(m.to()) && m.unit() != null)
                .limit(2)
                .map(m -> label(m.metric()) + " " + format.format(m.from(), m.unit()) + " → "
                        + format.format(m.to(), m.unit()))
                .collect(Collectors.joining(", "));
    }

    private static String label(String code) {
        return MetricCatalog.find(code).map(MetricDefinition::label).orElse(code);
    }
}
