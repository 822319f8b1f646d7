package com.healthadvisor.metrics;

import com.healthadvisor.snapshot.YearAgoCustomers;

import java.util.List;

import static com.healthadvisor.catalog.Ops.div;

/**
 * NRR and GRR over a year, each by the best of three estimators the snapshot allows (judgment.md P5), best last:
 * <ol>
 *   <li>this period's run rate, NRR over the period compounded to a year (the metric table's row);</li>
 *   <li>the trailing window: NRR over each period chained along the contiguous history, up to 12 months, then
 *       compounded to a year ({@link #overTheWindow});</li>
 *   <li>the customers who paid a year ago, followed one by one: their MRR now over their MRR then, each capped at
 *       what it paid then for GRR ({@link #overTheYearAgoCustomers}).</li>
 * </ol>
 * Each replaces the one before when its inputs are there; a value the company reports stays unless billing
 * contradicts it (P7).
 */
final class AnnualRetention {

    private AnnualRetention() {
    }

    /** NRR and GRR chained over the longest contiguous window at hand, annualised over the months it covers. */
    static void overTheWindow(Book current, List<Book> run) {
        List<Double> nrr = HistoryFormulas.chain(run, "nrr_period");
        if (nrr.size() > 1) {
            int covered = nrr.size() * current.monthsPerPeriod();
            current.trail("nrr", HistoryFormulas.over(HistoryFormulas.product(nrr, v -> v), covered, 12), covered);
        }
        List<Double> grossChurn = HistoryFormulas.chain(run, "gross_revenue_churn_rate");
        if (grossChurn.size() > 1) {
            int covered = grossChurn.size() * current.monthsPerPeriod();
            current.trail("grr", HistoryFormulas.over(HistoryFormulas.product(grossChurn, v -> 1 - v), covered, 12),
                    covered);
        }
    }

    /** Over the trailing 12 months, cohort-exact: the customers who paid a year ago, now against then. */
    static void overTheYearAgoCustomers(Book book, YearAgoCustomers yearAgo) {
        if (yearAgo == null || yearAgo.mrrThen() == null || yearAgo.mrrThen() <= 0) {
            return;
        }
        book.trail("nrr", div(yearAgo.mrrNow(), yearAgo.mrrThen()), 12);
        book.trail("grr", div(yearAgo.mrrNowCapped(), yearAgo.mrrThen()), 12);
    }
}
