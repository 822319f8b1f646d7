package com.healthadvisor.metrics;

import java.util.List;

import static com.healthadvisor.metrics.Ops.div;
import static com.healthadvisor.metrics.Ops.sub;

/** The formulas of metrics.md that compare the current period with its history. */
final class HistoryFormulas {

    private HistoryFormulas() {
    }

    static void compute(Book current, List<Book> history) {
        if (history.isEmpty()) {
            return;
        }
        Book previous = history.get(history.size() - 1);
        growth(current, previous, "gross_revenue_growth_rate", "gross_revenue");
        growth(current, previous, "arpu_growth_rate", "arpu");
        growth(current, previous, "arpa_growth_rate", "arpa");
        Double previousNet = previous.get("net_revenue");
        // Growth from a net revenue at or below zero has no meaning.
        Double netBase = previousNet != null && previousNet > 0 ? previousNet : null;
        current.compute("net_revenue_growth_rate", v -> div(sub(v.apply("net_revenue"), netBase), netBase));
        current.compute("net_revenue_growth_gap",
                v -> sub(v.apply("net_revenue_growth_rate"), v.apply("gross_revenue_growth_rate")));
        Double oldestChurn = history.stream().map(book -> book.get("logo_churn_rate"))
                .filter(rate -> rate != null).findFirst().orElse(null);
        current.compute("logo_churn_change", v -> sub(v.apply("logo_churn_rate"), oldestChurn));
    }

    private static void growth(Book current, Book previous, String code, String of) {
        Double before = previous.get(of);
        current.compute(code, v -> div(sub(v.apply(of), before), before));
    }
}
