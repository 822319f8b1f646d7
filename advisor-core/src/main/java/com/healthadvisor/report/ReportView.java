package com.healthadvisor.report;

import java.util.List;

/**
 * Everything a report shows, already in words and formatted numbers, in the order of seed 001's
 * standard report structure. Templates only lay it out. Empty lists mean "leave the section out".
 */
record ReportView(String company, String period, String currency, String health, String healthWord, String healthReason,
                  List<Item> wins, List<Item> risks, List<Trend> trends, List<TargetRow> targets,
                  List<DimensionSection> dimensions, List<OwnerActions> owners, List<Definition> definitions,
                  List<ToSend> toSend, List<Unassessed> notJudged, String ruleSetVersion, String loadedAt, int rules, Charts charts,
                  PeriodChanges since) {

    boolean hasWins() {
        return !wins.isEmpty();
    }

    boolean hasRisks() {
        return !risks.isEmpty();
    }

    boolean hasTrends() {
        return !trends.isEmpty();
    }

    boolean hasTargets() {
        return !targets.isEmpty();
    }

    boolean hasDimensions() {
        return !dimensions.isEmpty();
    }

    boolean hasOwners() {
        return !owners.isEmpty();
    }

    boolean hasDefinitions() {
        return !definitions.isEmpty();
    }

    boolean hasToSend() {
        return !toSend.isEmpty();
    }

    boolean hasNotJudged() {
        return !notJudged.isEmpty();
    }

    /** A titled line: a win, a risk, a code not assessed. */
    record Item(String title, String detail, String severity, String tone, String scope, String impact) {
    }

    /** A diagnosis that could not be judged, and why: the snapshot keys it needs are written as keys. */
    record Unassessed(String title, List<Text> reason) {
    }

    /** An input to send ("Revenue per customer", key {@code customer_revenue}) and what it would let be judged. */
    record ToSend(String input, String key, String findings) {
    }

    /** A run of words, or a key written as it is typed ({@code metrics.burn_multiple}), shown as code. */
    record Text(String text, boolean key) {
    }

    record Trend(String metric, String value, String meaning) {
    }

    record TargetRow(String metric, String target, String actual, String status, boolean met) {
    }

    record DimensionSection(String dimension, String status, String statusClass, List<DiagnosisView> diagnoses) {
    }

    record DiagnosisView(int number, String title, String severity, String severityClass, String scope,
                         String explanation, String impact, List<EvidenceRow> evidence) {
    }

    record EvidenceRow(String metric, String scope, String value, String benchmark) {
    }

    record OwnerActions(String owner, List<ActionRow> actions) {
    }

    /**
     * One action for its owner, the finding it came from first and the others it also serves.
     *
     * @param because the title of the first finding
     */
    record ActionRow(int number, String action, String because, List<Finding> alsoServes) {

        /** A finding by its number in the report and its title. */
        record Finding(int number, String title) {
        }

        ActionRow alsoServing(Finding finding) {
            List<Finding> more = new java.util.ArrayList<>(alsoServes);
            more.add(finding);
            return new ActionRow(number, action, because, List.copyOf(more));
        }

        /** "#1: Logo churn is at crisis level; #4: Newer cohorts retain worse": every finding it serves. */
        String serves() {
            StringBuilder all = new StringBuilder("#" + number + ": " + because);
            alsoServes.forEach(finding -> all.append("; #").append(finding.number()).append(": ")
                    .append(finding.title()));
            return all.toString();
        }
    }

    record Definition(String metric, String code, String formula) {
    }

    /** The data behind each chart, also shown as tables in Markdown; null when the snapshot lacks it. */
    record Charts(Charts.Waterfall waterfall, Charts.Heatmap heatmap, Charts.Concentration concentration,
                  Charts.Benchmarks benchmarks) {

        boolean any() {
            return waterfall != null || heatmap != null || concentration != null || benchmarks != null;
        }

        /** @param floor where the axis starts, written as money; null when it starts at zero */
        record Waterfall(int width, int height, int baseline, List<Bar> bars, List<Row> rows, String floor) {

            /** The y of the broken axis' mark, just above the baseline. */
            int breakY() {
                return baseline - 8;
            }
        }

        record Bar(String label, String value, int x, int y, int width, int height, String fill, int labelX,
                   int valueY) {
        }

        record Heatmap(int width, int height, List<Header> ages, List<HeatRow> rows, List<List<String>> table,
                       String note) {
        }

        record Header(String label, int x) {
        }

        record HeatRow(String cohort, int y, int textY, int width, boolean flagged, List<Cell> cells) {
        }

        record Cell(int x, int width, int textX, String fill, String text, String textFill) {
        }

        record Concentration(int width, int height, List<ShareBar> bars, List<Row> rows, String note) {
        }

        record ShareBar(String label, String value, int y, int textY, int barWidth, int thresholdX, String threshold,
                        boolean over) {
        }

        record Benchmarks(int width, int height, List<Strip> strips, List<Row> rows) {
        }

        record Strip(String metric, String value, String band, int y, int textY, int markerX, List<Segment> segments,
                     List<Tick> ticks) {
        }

        /** A threshold (a band edge) or an end of the scale, with its value written under the strip. */
        record Tick(int x, int top, int bottom, int labelY, String label, String anchor) {
        }

        record Segment(int x, int width, String fill, String label, int labelX, boolean active) {
        }

        /** A table row for Markdown and for readers without SVG. */
        record Row(String label, String value, String note) {
        }
    }
}
