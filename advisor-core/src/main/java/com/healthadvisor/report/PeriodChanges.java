package com.healthadvisor.report;

import java.util.List;

/**
 * What changed since the period before, in words, for the "Since last period" section of a stored period's report.
 *
 * @param previous the earlier period compared with
 * @param headline the most important change in one sentence, which the executive summary opens with; null when
 *                 nothing changed
 */
public record PeriodChanges(String previous, String headline, List<Line> added, List<Line> resolved,
                            List<Line> worse, List<Line> better) {

    /** One finding that changed, and what moved behind it ("logo churn 3.0% → 4.5%"). */
    public record Line(String title, String detail) {
    }

    public boolean hasAdded() {
        return !added.isEmpty();
    }

    public boolean hasResolved() {
        return !resolved.isEmpty();
    }

    public boolean hasWorse() {
        return !worse.isEmpty();
    }

    public boolean hasBetter() {
        return !better.isEmpty();
    }

    public boolean unchanged() {
        return added.isEmpty() && resolved.isEmpty() && worse.isEmpty() && better.isEmpty();
    }
}
