package com.healthadvisor.metrics;

import com.healthadvisor.catalog.Ops;
import com.healthadvisor.snapshot.Breakdown;
import com.healthadvisor.snapshot.CustomerRevenue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Concentration: of revenue in a few customers, and of MRR in one slice of each breakdown dimension. */
final class ConcentrationFormulas {

    private ConcentrationFormulas() {
    }

    /** Shares are of company MRR when present, else of the sum of the listed customers. */
    static void customers(Book company, List<CustomerRevenue> customers) {
        if (customers.isEmpty()) {
            return;
        }
        List<Double> largestFirst = customers.stream().map(CustomerRevenue::mrr)
                .sorted(Comparator.reverseOrder()).toList();
        double listed = largestFirst.stream().mapToDouble(Double::doubleValue).sum();
        double top10 = largestFirst.stream().limit(10).mapToDouble(Double::doubleValue).sum();
        company.compute("top_customer_mrr", v -> largestFirst.get(0));
        company.compute("top_customer_share", v -> Ops.div(largestFirst.get(0), total(v.get("mrr"), listed)));
        company.compute("top10_customer_share", v -> Ops.div(top10, total(v.get("mrr"), listed)));
        company.compute("customer_hhi", v -> hhi(largestFirst, total(v.get("mrr"), listed)));
    }

    private static double total(Double companyMrr, double listed) {
        return companyMrr != null && companyMrr > 0 ? companyMrr : listed;
    }

    private static Double hhi(List<Double> mrr, double total) {
        if (total == 0) {
            return null;
        }
        return mrr.stream().mapToDouble(value -> (value / total) * (value / total)).sum();
    }

    /** {@code largest_<dimension>_share} at company scope: the largest {@code mrr_share} within each dimension. */
    static void largestShares(Book company, Map<Breakdown, Book> breakdowns) {
        Map<String, Double> largest = new TreeMap<>();
        breakdowns.forEach((breakdown, book) -> {
            Double share = book.get("mrr_share");
            if (share != null) {
                largest.merge(breakdown.dimension(), share, Math::max);
            }
        });
        largest.forEach((dimension, share) -> company.compute("largest_" + dimension + "_share", v -> share));
    }
}
