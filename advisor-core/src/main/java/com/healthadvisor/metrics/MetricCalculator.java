package com.healthadvisor.metrics;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import com.healthadvisor.catalog.Ops;
import com.healthadvisor.catalog.Unit;
import com.healthadvisor.facts.Discrepancy;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.facts.Scope;
import com.healthadvisor.facts.Target;
import com.healthadvisor.snapshot.Breakdown;
import com.healthadvisor.snapshot.Cohort;
import com.healthadvisor.snapshot.Figures;
import com.healthadvisor.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a snapshot into metric facts: every formula of metrics.md at company scope, per breakdown,
 * per cohort age, against history and from customer revenue. Stateless and thread-safe.
 */
public final class MetricCalculator {

    private static final Comparator<Breakdown> BY_SCOPE =
            Comparator.comparing(Breakdown::dimension).thenComparing(Breakdown::name);

    public MetricSheet calculate(Snapshot snapshot) {
        return calculate(snapshot, Judging.DEFAULT);
    }

    public MetricSheet calculate(Snapshot snapshot, Judging judging) {
        int ppy = snapshot.periodicity().periodsPerYear();
        Book company = PeriodFormulas.compute(snapshot.figures(), ppy, judging);
        List<Book> history = snapshot.history().stream()
                .map(entry -> PeriodFormulas.history(entry, ppy, judging)).toList();
        List<Book> window = HistoryFormulas.compute(company, snapshot.period(), history,
                snapshot.history().stream().map(Figures::period).toList());
        // After the chained windows: a year followed customer by customer is the better figure (judgment.md).
        AnnualRetention.overTheYearAgoCustomers(company, snapshot.figures().yearAgo());
        MoneyOverTheWindow.compute(company, window, snapshot.figures().yearAgo(), judging);
        ConcentrationFormulas.customers(company, snapshot.customerRevenue());
        Map<Breakdown, Book> breakdowns = new LinkedHashMap<>();
        // In a documented order, whatever the order of the input (judgment.md P3): by dimension, then name.
        for (Breakdown breakdown : snapshot.breakdowns().stream().sorted(BY_SCOPE).toList()) {
            breakdowns.put(breakdown, breakdownBook(breakdown.figures(), company, ppy, judging));
        }
        ConcentrationFormulas.largestShares(company, breakdowns);
        List<Metric> sums = breakdownSums(company, breakdowns);

        List<Metric> metrics = new ArrayList<>(facts(company, Scope.COMPANY));
        List<Discrepancy> discrepancies = new ArrayList<>(discrepancies(company, Scope.COMPANY));
        breakdowns.forEach((breakdown, book) -> {
            Scope scope = Scope.slice(breakdown.dimension(), breakdown.name());
            metrics.addAll(facts(book, scope));
            discrepancies.addAll(discrepancies(book, scope));
        });
        metrics.addAll(sums);
        metrics.addAll(CohortMetrics.of(snapshot.cohorts().stream().sorted(Comparator.comparing(Cohort::cohort)).toList(),
                judging.minCohortCustomers()));
        return new MetricSheet(metrics, discrepancies, targets(snapshot.targets(), company));
    }

    /**
     * For each dimension, how far the slices' ending MRR is from the company's, as a share of it (judgment.md,
     * BREAKDOWN_SUM_MISMATCH); the fact is the company's, its {@code dimension} the slices' dimension. Only dimensions
     * whose slices all state their MRR and pay something are compared.
     */
    private static List<Metric> breakdownSums(Book company, Map<Breakdown, Book> breakdowns) {
        Double companyMrr = company.get("mrr");
        if (companyMrr == null || companyMrr <= 0) {
            return List.of();
        }
        Map<String, Double> sums = new TreeMap<>();
        Map<String, Boolean> complete = new TreeMap<>();
        breakdowns.forEach((breakdown, book) -> {
            Double mrr = book.get("mrr");
            sums.merge(breakdown.dimension(), mrr == null ? 0 : mrr, Double::sum);
            complete.merge(breakdown.dimension(), mrr != null, Boolean::logicalAnd);
        });
        List<Metric> facts = new ArrayList<>();
        sums.forEach((dimension, sum) -> {
            // A dimension of free slices only (a free plan) carries no revenue to add up (judgment.md P4).
            if (complete.get(dimension) && sum > 0) {
                facts.add(Metric.ofCompanyAbout(dimension, "breakdown_mrr_gap_rate",
                        Ops.round(Math.abs(sum - companyMrr) / companyMrr), Unit.RATIO, company.monthsPerPeriod()));
            }
        });
        return facts;
    }

    private static Book breakdownBook(Figures figures, Book company, int ppy, Judging judging) {
        Book book = PeriodFormulas.compute(figures, ppy, judging);
        AnnualRetention.overTheYearAgoCustomers(book, figures.yearAgo());
        MoneyOverTheWindow.compute(book, List.of(book), figures.yearAgo(), judging);
        Double companyMrr = company.get("mrr");
        book.compute("mrr_share", v -> Ops.div(v.get("mrr"), companyMrr));
        Double companyCustomers = company.get("customers");
        book.compute("customer_share", v -> Ops.div(v.get("customers"), companyCustomers));
        return book;
    }

    private static List<Metric> facts(Book book, Scope scope) {
        List<Metric> facts = new ArrayList<>();
        book.values().forEach((code, value) -> facts.add(Metric.in(scope, code, value, MetricCatalog.get(code).unit(),
                book.isReported(code) ? Metric.REPORTED : Metric.COMPUTED, book.window(code))));
        return facts;
    }

    private static List<Discrepancy> discrepancies(Book book, Scope scope) {
        List<Discrepancy> found = new ArrayList<>();
        for (var entry : book.reported().entrySet()) {
            Double computed = book.raw(entry.getKey());
            if (computed == null) {
                continue;
            }
            Unit unit = MetricCatalog.get(entry.getKey()).unit();
            double reported = entry.getValue();
            double gap = Judging.gap(unit, reported, computed);
            Metric metric = Metric.in(scope, entry.getKey(), reported, unit, Metric.REPORTED,
                    MetricCatalog.ANNUAL.contains(entry.getKey()) ? 12 : book.monthsPerPeriod());
            found.add(new Discrepancy(entry.getKey(), scope.text(), unit.word(), metric, computed, Ops.round(gap)));
        }
        return found;
    }

    private static List<Target> targets(Map<String, Double> targets, Book company) {
        List<Target> checked = new ArrayList<>();
        targets.forEach((code, target) -> {
            Double actual = company.get(code);
            if (actual == null) {
                return;
            }
            MetricDefinition definition = MetricCatalog.get(code);
            boolean met = definition.meets(actual, target);
            Metric metric = Metric.ofCompany(code, actual, definition.unit(),
                    company.isReported(code) ? Metric.REPORTED : Metric.COMPUTED, company.window(code));
            checked.add(new Target(code, target, metric, met));
        });
        return checked;
    }
}
