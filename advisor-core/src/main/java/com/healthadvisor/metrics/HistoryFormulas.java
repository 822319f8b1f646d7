package com.healthadvisor.metrics;

import com.healthadvisor.snapshot.Periods;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

import static com.healthadvisor.catalog.Ops.abs;
import static com.healthadvisor.catalog.Ops.div;
import static com.healthadvisor.catalog.Ops.monthly;
import static com.healthadvisor.catalog.Ops.sub;

/**
 * The formulas of metrics.md that compare the current period with its history, and the rates judged over
 * a trailing window (judgment.md P5): the current period and the history entries right before it that carry
 * the rate's inputs, up to 12 months.
 */
final class HistoryFormulas {

    private static final int MAX_WINDOW_MONTHS = 12;

    /**
     * What these formulas read from a history entry, with the inputs they are computed from: a history entry's
     * book computes nothing else, since no other value of it is ever read.
     */
    static final Set<String> READS = Set.of("starting_mrr", "new_mrr", "expansion_mrr", "reactivation_mrr",
            "contraction_mrr", "churned_mrr", "mrr", "starting_customers", "new_customers", "reactivated_customers",
            "churned_customers", "customers", "users", "gross_revenue", "discounts", "refunds", "credits",
            "nrr_period", "gross_revenue_churn_rate", "revenue_churn_rate", "quick_ratio", "logo_churn_rate",
            "logo_churn_rate_monthly", "arpa", "arpu", "net_revenue", "net_new_mrr", "sales_marketing_spend",
            "net_burn", "acquired_mrr", "operating_margin");

    private HistoryFormulas() {
    }

    /** The trends and trailing windows; returns the window itself, newest first (the current period alone without history). */
    static List<Book> compute(Book current, String period, List<Book> history, List<String> historyPeriods) {
        if (history.isEmpty()) {
            return List.of(current);
        }
        List<Book> run = contiguous(current, period, history, historyPeriods);
        trailing(current, run);
        continuity(current, period, history.get(history.size() - 1), historyPeriods.get(historyPeriods.size() - 1));
        Book previous = history.get(history.size() - 1);
        growth(current, previous, "gross_revenue_growth_rate", "gross_revenue");
        growth(current, previous, "arpu_growth_rate", "arpu");
        if (current.get("arpa_growth_rate") == null) {
            // Without the period's own start, against the entry before it.
            growth(current, previous, "arpa_growth_rate", "arpa");
        }
        Double previousNet = previous.get("net_revenue");
        // Growth from a net revenue at or below zero has no meaning.
        Double netBase = previousNet != null && previousNet > 0 ? previousNet : null;
        current.compute("net_revenue_growth_rate", v -> div(sub(v.get("net_revenue"), netBase), netBase));
        current.compute("net_revenue_growth_gap",
                v -> sub(v.get("net_revenue_growth_rate"), v.get("gross_revenue_growth_rate")));
        churnChange(current, period, history, historyPeriods);
        perCustomerOverTheWindow(current, run);
        efficiencyOverTheWindow(current, run);
        return run;
    }

    /**
     * The magic number and the burn multiple over the trailing window (a quarter's spend buys the next months'
     * ARR, so one month says little): net new ARR, spend and burn summed over the periods that carry them.
     */
    private static void efficiencyOverTheWindow(Book current, List<Book> run) {
        List<Book> spending = books(run, "sales_marketing_spend");
        List<Book> growing = books(spending, "net_new_mrr");
        if (growing.size() > 1) {
            int covered = growing.size() * current.monthsPerPeriod();
            double spend = sum(growing, "sales_marketing_spend");
            current.trail("magic_number", spend == 0 ? null : sum(growing, "net_new_mrr") * 12 / spend, covered);
        }
        List<Book> burning = books(books(run, "net_burn"), "net_new_mrr");
        if (burning.size() > 1) {
            int covered = burning.size() * current.monthsPerPeriod();
            double newArr = sum(burning, "net_new_mrr") * 12;
            double burn = sum(burning, "net_burn");
            // Only while the window burns cash and adds ARR: otherwise no multiple describes it (judgment.md P17).
            if (newArr <= 0 || burn <= 0) {
                current.withdraw("burn_multiple");
            } else {
                current.trail("burn_multiple", burn / newArr, covered);
            }
        }
    }

    /**
     * ARPA and the customer count from the start of the oldest period of the window to now (judgment.md P1: one
     * business gets one verdict whether it reports months, quarters or a year): the periods with a customer bridge,
     * contiguous from the current one, up to 12 months.
     */
    private static void perCustomerOverTheWindow(Book current, List<Book> run) {
        List<Book> bridged = books(run, "starting_customers");
        if (bridged.size() < 2) {
            return;
        }
        Book oldest = bridged.get(bridged.size() - 1);
        int covered = bridged.size() * current.monthsPerPeriod();
        Double startingCustomers = oldest.get("starting_customers");
        current.trail("customer_growth_rate", div(sub(current.get("customers"), startingCustomers), startingCustomers),
                covered);
        Double startingArpa = div(oldest.get("starting_mrr"), startingCustomers);
        current.trail("arpa_growth_rate", div(sub(current.get("arpa"), startingArpa), startingArpa), covered);
    }

    /**
     * The change in logo churn on one basis (judgment.md): the mean monthly-equivalent churn of the latest periods
     * (up to 3) against the same months a year earlier when 15 months are known, else against the periods at
     * least 3 months before the current one (up to 3).
     */
    private static void churnChange(Book current, String period, List<Book> history, List<String> historyPeriods) {
        List<Integer> months = new ArrayList<>();
        List<Double> churn = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Integer month = Periods.endMonth(historyPeriods.get(i));
            Double rate = history.get(i).get("logo_churn_rate_monthly");
            if (month != null && rate != null) {
                months.add(month);
                churn.add(rate);
            }
        }
        Double now = current.get("logo_churn_rate");
        Integer nowMonth = Periods.endMonth(period);
        if (now == null || nowMonth == null || churn.isEmpty()) {
            return;
        }
        months.add(nowMonth);
        churn.add(monthly(now, 12 / current.monthsPerPeriod()));
        List<Integer> latest = new ArrayList<>();
        for (int i = churn.size() - 1; i >= 0 && latest.size() < 3 && nowMonth - months.get(i) < 3; i--) {
            latest.add(i);
        }
        int oldestLatest = months.get(latest.get(latest.size() - 1));
        boolean seasonal = nowMonth - months.get(0) + current.monthsPerPeriod() >= 15;
        List<Integer> earlier = new ArrayList<>();
        for (int i = churn.size() - 1; i >= 0 && earlier.size() < 3; i--) {
            int month = months.get(i);
            boolean before = seasonal ? latest.stream().anyMatch(j -> months.get(j) - 12 == month)
                    : month < oldestLatest && nowMonth - month >= 3;
            if (before) {
                earlier.add(i);
            }
        }
        if (earlier.isEmpty()) {
            return;
        }
        double latestMean = mean(latest, churn);
        double earlierMean = mean(earlier, churn);
        int window = nowMonth - months.get(earlier.get(earlier.size() - 1)) + current.monthsPerPeriod();
        current.trail("logo_churn_change", latestMean - earlierMean, window);
        current.trail("logo_churn_change_relative", earlierMean == 0 ? null : latestMean / earlierMean - 1, window);
    }

    private static double mean(List<Integer> indexes, List<Double> values) {
        return indexes.stream().mapToDouble(values::get).average().orElse(0);
    }

    /**
     * How far this period's start is from where the previous period ended (judgment.md, PERIOD_DISCONTINUITY): MRR as
     * a share of the starting MRR, customers as a count. Only against the period right before.
     */
    private static void continuity(Book current, String period, Book previous, String previousPeriod) {
        if (!previousPeriod.equals(Periods.previous(period))) {
            return;
        }
        Double endedMrr = previous.get("mrr");
        Double endedCustomers = previous.get("customers");
        current.compute("period_mrr_discontinuity_rate",
                v -> div(abs(sub(v.get("starting_mrr"), endedMrr)), v.get("starting_mrr")));
        current.compute("period_customer_discontinuity", v -> abs(sub(v.get("starting_customers"), endedCustomers)));
    }

    /** Retention, the quick ratio and churn over the longest contiguous window at hand, for the months it covers. */
    private static void trailing(Book current, List<Book> run) {
        AnnualRetention.overTheWindow(current, run);
        List<Book> bridges = books(run, "quick_ratio");
        if (bridges.size() > 1) {
            int covered = bridges.size() * current.monthsPerPeriod();
            double gains = sum(bridges, "new_mrr") + sum(bridges, "expansion_mrr");
            double losses = sum(bridges, "churned_mrr") + sum(bridges, "contraction_mrr");
            current.trail("quick_ratio", losses == 0 ? null : gains / losses, covered);
            current.trail("expansion_share_of_new_mrr", gains == 0 ? null : sum(bridges, "expansion_mrr") / gains,
                    covered);
            // Expansion over a year from the window's expansion rates, not one (seasonal) period's.
            double expansionRates = 0;
            for (Book bridge : bridges) {
                Double rate = div(bridge.get("expansion_mrr"), bridge.get("starting_mrr"));
                expansionRates += rate == null ? 0 : rate;
            }
            current.trail("expansion_rate_annual", expansionRates * 12 / covered, covered);
        }
        List<Double> logoChurn = chain(run, "logo_churn_rate");
        if (logoChurn.size() > 1) {
            int covered = logoChurn.size() * current.monthsPerPeriod();
            double kept = product(logoChurn, v -> 1 - v);
            current.trail("logo_churn_rate_monthly", 1 - over(kept, covered, 1), covered);
            current.trail("logo_churn_rate_annual", 1 - over(kept, covered, 12), covered);
        }
        List<Double> revenueChurn = chain(run, "revenue_churn_rate");
        if (revenueChurn.size() > 1 && revenueChurn.size() == logoChurn.size()) {
            int covered = revenueChurn.size() * current.monthsPerPeriod();
            double kept = product(revenueChurn, v -> 1 - v);
            current.trail("revenue_churn_rate_monthly", 1 - over(kept, covered, 1), covered);
            gapOverTheWindow(current, covered);
        }
    }

    /** Revenue against logo churn on the same window, once both are trailing (judgment.md P5, P8). */
    private static void gapOverTheWindow(Book current, int covered) {
        current.retrail("revenue_logo_churn_gap", covered);
        current.retrail("revenue_logo_churn_gap_relative", covered);
        current.retrail("revenue_logo_churn_gap_annual", covered);
    }

    /**
     * The current period and the history entries right before it, newest first, stopping at a gap in the periods or
     * at 12 months: worked out once, then each rate takes as much of it as carries its inputs.
     */
    private static List<Book> contiguous(Book current, String period, List<Book> history, List<String> historyPeriods) {
        List<Book> run = new ArrayList<>();
        run.add(current);
        String expected = Periods.previous(period);
        for (int i = history.size() - 1; i >= 0 && (run.size() + 1) * current.monthsPerPeriod() <= MAX_WINDOW_MONTHS; i--) {
            if (expected == null || !expected.equals(historyPeriods.get(i))) {
                break;
            }
            run.add(history.get(i));
            expected = Periods.previous(expected);
        }
        return run;
    }

    /** The values of a code along the run, newest first, up to the first period without it. */
    static List<Double> chain(List<Book> run, String code) {
        List<Double> values = new ArrayList<>();
        for (Book book : books(run, code)) {
            values.add(book.get(code));
        }
        return values;
    }

    /** The books of the run up to the first period without the code: the periods whose sums make a trailing figure. */
    static List<Book> books(List<Book> run, String code) {
        int end = 0;
        while (end < run.size() && run.get(end).get(code) != null) {
            end++;
        }
        return run.subList(0, end);
    }

    static double sum(List<Book> books, String code) {
        double sum = 0;
        for (Book book : books) {
            Double value = book.get(code);
            sum += value == null ? 0 : value;
        }
        return sum;
    }

    /** A share kept over {@code months} as the share kept over {@code target} months at the same pace. */
    static double over(double kept, int months, int target) {
        return Math.pow(kept, (double) target / months);
    }

    static double product(List<Double> values, DoubleUnaryOperator factor) {
        double product = 1;
        for (double value : values) {
            product *= factor.applyAsDouble(value);
        }
        return product;
    }

    private static void growth(Book current, Book previous, String code, String of) {
        Double before = previous.get(of);
        current.compute(code, v -> div(sub(v.get(of), before), before));
    }
}
