package com.healthadvisor.web.workbench;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import com.healthadvisor.ruleset.CsvLines;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.RuleProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * benchmarks.csv as a table to edit: one row per band, the range as people write it. Writing it back changes only
 * the lines whose cells were edited, so the file's comments, order and untouched lines stay as the analyst left them.
 */
final class BandTable {

    static final List<String> COLUMNS = List.of("metric", "band", "range", "stage", "market", "periodicity", "tone");
    /** The columns a person edits in the table; metric and band name what rules refer to. */
    static final List<String> EDITABLE = List.of("range", "stage", "market", "periodicity", "tone");

    /** One band, at its line of the file. */
    public record Row(int line, String metric, String band, String range, String stage, String market, String periodicity,
               String tone) {

        List<String> cells() {
            return List.of(metric, band, range, stage, market, periodicity, tone);
        }

        /** The metric as the report names it ("Annual logo churn"); its code stays in a tooltip. */
        public String label() {
            String label = MetricCatalog.find(metric).map(MetricDefinition::label).orElse(metric.replace('_', ' '));
            return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
        }

        /** The band in words ("leaky bucket"). */
        public String bandWords() {
            return band.replace('_', ' ');
        }
    }

    private BandTable() {
    }

    static List<Row> read(String csv) {
        List<Row> rows = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (CsvLines.Row row : CsvLines.read(new RuleFile("benchmarks.csv", csv), problems)) {
            if (row.cell(0).equals("metric")) {
                continue;
            }
            rows.add(new Row(row.line(), row.cell(0), row.cell(1), row.cell(2), row.cell(3), row.cell(4),
                    row.cell(5), row.cell(6)));
        }
        return rows;
    }

    /** The file with each edited row (by line) written in place of its line; other lines as they were. */
    static String write(String csv, Map<Integer, Row> edited) {
        String[] lines = csv.split("\n", -1);
        for (Row row : read(csv)) {
            Row edit = edited.get(row.line());
            if (edit != null && !edit.cells().equals(row.cells())) {
                lines[row.line() - 1] = line(edit.cells()) + (lines[row.line() - 1].endsWith("\r") ? "\r" : "");
            }
        }
        return String.join("\n", lines);
    }

    private static String line(List<String> cells) {
        List<String> written = new ArrayList<>();
        for (String cell : cells) {
            String value = cell == null ? "" : cell.strip();
            written.add(value.contains(",") || value.contains("\"")
                    ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        // Trailing empty qualifiers stay as the file writes them: every column present.
        return String.join(",", written);
    }
}
