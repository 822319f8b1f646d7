package com.healthadvisor.metrics;

import com.healthadvisor.catalog.MetricCatalog;
import com.healthadvisor.catalog.MetricDefinition;
import com.healthadvisor.snapshot.Figures;

/**
 * One period of one scope through the metric table: every row with a function, in the table's order, so that each
 * formula finds the rows it reads already computed (or reported).
 */
final class PeriodFormulas {

    private PeriodFormulas() {
    }

    static Book compute(Figures figures, int periodsPerYear, Judging judging) {
        return run(new Book(new PeriodInputs(figures), figures.metrics(), judging, 12 / periodsPerYear, null));
    }

    /** A history entry's book: only the metrics the trends and trailing windows read, and what they stand on. */
    static Book history(Figures figures, int periodsPerYear, Judging judging) {
        return run(new Book(new PeriodInputs(figures), figures.metrics(), judging, 12 / periodsPerYear,
                HistoryFormulas.READS));
    }

    private static Book run(Book book) {
        for (MetricDefinition row : MetricCatalog.computedFromThePeriod()) {
            book.compute(row.code(), row.compute());
        }
        return book;
    }
}
