package com.healthadvisor.company;

import java.util.List;
import java.util.Optional;

/**
 * What storing one period needs to know of the company's other periods of its form, read at once
 * ({@link CompanyStore#around}): the period's own newest revision, its history, and whether later periods follow.
 */
record Neighbourhood(List<CompanyStore.Neighbour> periods) {

    static Neighbourhood read(CompanyStore store, String company, String periodicity, int endMonth) {
        return new Neighbourhood(store.around(company, periodicity, endMonth));
    }

    /** The period's newest stored revision, if it was ever stored. */
    Optional<CompanyStore.Newest> newest(String period) {
        return periods.stream().filter(p -> p.period().equals(period))
                .map(p -> new CompanyStore.Newest(p.revision(), p.sha256())).findFirst();
    }

    /** The period's history, as {@link CompanyStore#before} reads it. */
    List<CompanyStore.PeriodFigures> before(StoredSnapshot period) {
        return periods.stream()
                .filter(p -> p.currency().equals(period.currency())
                        && CompanyStore.inHistory(p.endMonth(), period.endMonth()))
                .map(p -> new CompanyStore.PeriodFigures(p.period(), p.endMonth(), p.figures())).toList();
    }

    /** Whether a period of the form ends after this month: it has a new history when this one changes. */
    boolean followedAfter(int endMonth) {
        return periods.stream().anyMatch(p -> p.endMonth() > endMonth);
    }
}
