package com.healthadvisor.metrics;

import com.healthadvisor.snapshot.YearAgoCustomers;

import java.util.List;

import static com.healthadvisor.metrics.HistoryFormulas.books;
import static com.healthadvisor.metrics.HistoryFormulas.sum;

/**
 * Money and efficiency over the window (judgment.md P12-P14), as retention already is (P5): growth for Rule of 40
 * and the stage check, unit economics of the deals that CAC bought, and runway on the window's mean burn. A yearly
 * figure never rests on one month when more months are known, and acquired MRR is never growth the company earned.
 *
 * <p>The window is the current period and the contiguous history entries before it, up to 12 months, newest first
 * (the same run the trailing retention rates read); each figure takes as much of it as carries its inputs.
 */
final class MoneyOverTheWindow {

    private static final int YEAR = 12;
    /** Growth from fewer months than this is a run rate (judgment.md P5): capped, and its finding at most medium. */
    private static final int RUN_RATE_BELOW_MONTHS = 3;

    private MoneyOverTheWindow() {
    }

    static void compute(Book current, List<Book> run, YearAgoCustomers yearAgo, Judging judging) {
        growth(current, run, yearAgo, judging);
        ruleOf40(current, run);
        unitEconomics(current, run);
        runway(current, run);
    }

    /**
     * Year-over-year ARR growth when 12 months are known (history, or the customers of a year ago); the organic growth
     * judged ({@code arr_growth_rate_yoy}) is the same less acquired MRR, annualised from the longest window of at
     * least 3 months, else a capped run rate.
     */
    private static void growth(Book current, List<Book> run, YearAgoCustomers yearAgo, Judging judging) {
        Double mrr = current.get("mrr");
        if (mrr == null) {
            return;
        }
        Start start = start(current, run);
        if (start == null || start.mrr() <= 0) {
            yearAgoGrowth(current, mrr, yearAgo);
            return;
        }
        if (start.months() >= YEAR) {
            current.trail("year_over_year_arr_growth", (mrr - start.mrr()) / start.mrr(), YEAR);
        } else {
            yearAgoGrowth(current, mrr, yearAgo);
        }
        double organic = (mrr - start.acquired() - start.mrr()) / start.mrr();
        if (organic <= -1) {
            return;
        }
        double yearly = Math.pow(1 + organic, (double) YEAR / start.months()) - 1;
        if (start.months() < RUN_RATE_BELOW_MONTHS) {
            yearly = Math.min(yearly, judging.maxRunRateGrowth());
        }
        current.trail("arr_growth_rate_yoy", yearly, Math.min(start.months(), YEAR));
        current.trail("acquired_mrr_in_window", start.acquired() > 0 ? start.acquired() : null, start.months());
    }

    private static void yearAgoGrowth(Book current, double mrr, YearAgoCustomers yearAgo) {
        if (yearAgo != null && yearAgo.mrrThen() != null && yearAgo.mrrThen() > 0) {
            current.trail("year_over_year_arr_growth", (mrr - yearAgo.mrrThen()) / yearAgo.mrrThen(), YEAR);
        }
    }

    /** Where the window's MRR started, the months since, and the MRR acquisitions brought in those months. */
    private record Start(double mrr, int months, double acquired) {
    }

    private static Start start(Book current, List<Book> run) {
        List<Book> known = books(run, "mrr");
        if (known.isEmpty()) {
            return null;
        }
        Book oldest = known.get(known.size() - 1);
        int months = current.monthsPerPeriod();
        if (oldest.get("starting_mrr") != null) {
            return new Start(oldest.get("starting_mrr"), known.size() * months, sum(known, "acquired_mrr"));
        }
        if (known.size() < 2) {
            return null;
        }
        // Without the oldest period's start, from its end: its own movements are outside the window.
        List<Book> after = known.subList(0, known.size() - 1);
        return new Start(oldest.get("mrr"), after.size() * months, sum(after, "acquired_mrr"));
    }

    /** Growth (organic, over the window) plus the window's mean operating margin, both in percent. */
    private static void ruleOf40(Book current, List<Book> run) {
        Double growth = current.get("arr_growth_rate_yoy");
        List<Book> margins = books(run, "operating_margin");
        if (growth == null || margins.isEmpty()) {
            return;
        }
        double margin = sum(margins, "operating_margin") / margins.size();
        current.trail("rule_of_40", growth * 100 + margin * 100, current.window("arr_growth_rate_yoy"));
    }

    /**
     * CAC, the new deals' ARPA, payback and LTV:CAC over the window (judgment.md P13): the revenue of the customers
     * CAC bought, and the window's churn. The base's figures on its average ARPA are kept beside them.
     */
    private static void unitEconomics(Book current, List<Book> run) {
        List<Book> spending = books(books(run, "sales_marketing_spend"), "new_customers");
        double newCustomers = sum(spending, "new_customers");
        int months = spending.size() * current.monthsPerPeriod();
        if (spending.size() > 1 && newCustomers > 0) {
            current.trail("cac", sum(spending, "sales_marketing_spend") / newCustomers, months);
            List<Book> selling = books(spending, "new_mrr");
            double sold = sum(selling, "new_customers");
            current.trail("new_arpa", sold > 0 ? sum(selling, "new_mrr") / sold : null,
                    selling.size() * current.monthsPerPeriod());
        }
        if (run.size() < 2) {
            return;
        }
        int churnWindow = current.window("logo_churn_rate_monthly");
        int cacWindow = current.window("cac");
        current.retrail("cac_payback_months", cacWindow);
        current.retrail("base_cac_payback_months", cacWindow);
        current.retrail("ltv", churnWindow);
        current.retrail("ltv_cac_ratio", Math.min(churnWindow, cacWindow));
        current.retrail("base_ltv_cac_ratio", Math.min(churnWindow, cacWindow));
    }

    /**
     * Months of cash at the window's mean monthly burn (judgment.md P14): one heavy month does not end the company,
     * and a company that does not burn over the window has no runway to count down.
     */
    private static void runway(Book current, List<Book> run) {
        List<Book> burning = books(run, "net_burn");
        if (burning.size() < 2) {
            return;
        }
        int months = burning.size() * current.monthsPerPeriod();
        double monthlyBurn = sum(burning, "net_burn") / months;
        current.trail("mean_monthly_burn", monthlyBurn, months);
        Double cash = current.get("cash");
        if (cash == null) {
            return;
        }
        if (monthlyBurn <= 0) {
            current.withdraw("runway_months");
            return;
        }
        current.trail("runway_months", cash / monthlyBurn, months);
    }
}
