package com.healthadvisor.company;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The stored histories of many periods of one company, read in one query per form and currency (a ledger's months
 * are all of one), then cut for each period as {@link CompanyStore#before} would read it.
 */
final class StoredHistories {

    private record Form(String periodicity, String currency) {

        static Form of(StoredSnapshot period) {
            return new Form(period.periodicity(), period.currency());
        }
    }

    private final Map<Form, List<CompanyStore.PeriodFigures>> figures;

    private StoredHistories(Map<Form, List<CompanyStore.PeriodFigures>> figures) {
        this.figures = figures;
    }

    /** The figures every one of these periods' histories needs, all stored periods of the same company. */
    static StoredHistories read(CompanyStore store, List<StoredSnapshot> periods) {
        Map<Form, List<StoredSnapshot>> byForm = periods.stream().collect(Collectors.groupingBy(Form::of));
        Map<Form, List<CompanyStore.PeriodFigures>> figures = new HashMap<>();
        byForm.forEach((form, ofForm) -> {
            int first = ofForm.stream().mapToInt(StoredSnapshot::endMonth).min().orElseThrow();
            int last = ofForm.stream().mapToInt(StoredSnapshot::endMonth).max().orElseThrow();
            figures.put(form, store.between(ofForm.get(0).company(), form.periodicity(), form.currency(),
                    first - CompanyStore.HISTORY_MONTHS, last));
        });
        return new StoredHistories(figures);
    }

    /** The period's history: the stored figures of its form among the months before it, oldest first. */
    List<CompanyStore.PeriodFigures> before(StoredSnapshot period) {
        List<CompanyStore.PeriodFigures> history = new ArrayList<>();
        for (CompanyStore.PeriodFigures earlier : figures.getOrDefault(Form.of(period), List.of())) {
            if (CompanyStore.inHistory(earlier.endMonth(), period.endMonth())) {
                history.add(earlier);
            }
        }
        return history;
    }
}
