package com.healthadvisor.metrics;

import com.healthadvisor.catalog.Ops;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.facts.Scope;
import com.healthadvisor.snapshot.Cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Cohort facts: retention per cohort and age, and the trend across cohorts at every age that at least three
 * cohorts have reached (judgment.md P16: so that the newest cohorts count, not only the oldest that all share an
 * age): newest minus oldest, the least-squares slope, and the largest gain from one cohort to the next in between,
 * which the cohort rules compare with their bands, age by age.
 */
final class CohortMetrics {

    static final int MIN_COHORTS = 3;

    /**
     * The codes of one kind of retention and of its trends, written once: every code a fact carries is then the same
     * string, whose hash the band and rule lookups downstream compute once, not once a snapshot.
     */
    private record Codes(String retention, String shift, String slope, String largestGain) {
        static Codes of(String retention) {
            return new Codes(retention, retention + "_shift", retention + "_slope", retention + "_largest_gain");
        }
    }

    private static final Codes LOGO = Codes.of("cohort_logo_retention");
    private static final Codes REVENUE = Codes.of("cohort_revenue_retention");

    private CohortMetrics() {
    }

    /**
     * Retention per cohort, and trends across the cohorts of at least {@code minCustomers} customers (judgment.md
     * P6: a cohort of five moves 20 points a customer, so it is left out of the comparison).
     */
    static List<Metric> of(List<Cohort> cohorts, double minCustomers) {
        List<Cohort> comparable = cohorts.stream()
                .filter(cohort -> cohort.customers() == null || cohort.customers() >= minCustomers).toList();
        List<Metric> facts = new ArrayList<>();
        facts.addAll(retention(cohorts, LOGO.retention(), Cohort::logoRetention));
        facts.addAll(retention(cohorts, REVENUE.retention(), Cohort::revenueRetention));
        facts.addAll(trend(comparable, LOGO, Cohort::logoRetention));
        facts.addAll(trend(comparable, REVENUE, Cohort::revenueRetention));
        return facts;
    }

    private static List<Metric> retention(List<Cohort> cohorts, String code, Function<Cohort, List<Double>> shares) {
        List<Metric> facts = new ArrayList<>();
        for (Cohort cohort : cohorts) {
            List<Double> values = shares.apply(cohort);
            Scope scope = Scope.slice(Metric.COHORT, cohort.cohort());
            for (int age = 1; age < values.size(); age++) {
                facts.add(Metric.ofCohort(code, scope, age, values.get(age)));
            }
        }
        return facts;
    }

    private static List<Metric> trend(List<Cohort> cohorts, Codes codes, Function<Cohort, List<Double>> shares) {
        List<List<Double>> series = new ArrayList<>(cohorts.size());
        int longest = 0;
        for (Cohort cohort : cohorts) {
            List<Double> values = shares.apply(cohort);
            series.add(values);
            longest = Math.max(longest, values.size());
        }
        List<Metric> facts = new ArrayList<>();
        List<Double> atAge = new ArrayList<>(series.size());
        List<Double> atLatestAge = List.of();
        for (int age = 1; age < longest; age++) {
            atAge.clear();
            for (List<Double> values : series) {
                if (values.size() > age) {
                    atAge.add(values.get(age));
                }
            }
            if (atAge.size() < MIN_COHORTS) {
                continue;
            }
            facts.add(trendFact(codes.shift(), age, atAge.get(atAge.size() - 1) - atAge.get(0)));
            facts.add(trendFact(codes.slope(), age, slope(atAge)));
            atLatestAge = List.copyOf(atAge);
        }
        if (!atLatestAge.isEmpty()) {
            // The largest gain from one cohort to the next, said of the comparison at the latest age.
            double largestGain = Double.NEGATIVE_INFINITY;
            for (int i = 1; i < atLatestAge.size() - 1; i++) {
                largestGain = Math.max(largestGain, atLatestAge.get(i) - atLatestAge.get(i - 1));
            }
            facts.add(trendFact(codes.largestGain(), facts.get(facts.size() - 1).age(), largestGain));
        }
        return facts;
    }

    /**
     * The least-squares slope of retention across cohorts, oldest first, in points per cohort (judgment.md): the
     * trend of them all, so that one cohort that rebounds does not hide a decline.
     */
    static double slope(List<Double> values) {
        double meanX = (values.size() - 1) / 2.0;
        double meanY = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (int x = 0; x < values.size(); x++) {
            covariance += (x - meanX) * (values.get(x) - meanY);
            variance += (x - meanX) * (x - meanX);
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    private static Metric trendFact(String code, int age, double value) {
        return Metric.cohortTrend(code, age, Ops.round(value));
    }
}
