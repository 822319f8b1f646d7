package com.healthadvisor.diagnosis;

import com.healthadvisor.facts.Finding;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.metrics.MetricSheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Unit economics speak of the deals they are about (judgment.md P13): CAC payback and LTV:CAC are computed on new
 * customers' ARPA, and where it differs from the whole base's by more than {@code new_deal_arpa_gap} the finding
 * says so (the note {@code new_deals} picks its {@code explanation_when}) and shows both ARPAs and the base's figure.
 */
final class NewDeals {

    static final String NOTE = "new_deals";
    /** The gap used when a rules directory has no {@code new_deal_arpa_gap} limit. */
    static final double DEFAULT_GAP = 0.25;
    private static final Set<String> ON_NEW_DEALS = Set.of("cac_payback_months", "ltv_cac_ratio");

    private NewDeals() {
    }

    /** The finding with the note and the base's figures as evidence when it stands on new deals that differ. */
    static Finding mark(Finding finding, MetricSheet sheet, double gap) {
        if (!Metric.COMPANY.equals(finding.scope()) || !standsOnNewDeals(finding)) {
            return finding;
        }
        Optional<Metric> newArpa = sheet.company("new_arpa");
        Optional<Metric> arpa = sheet.company("arpa");
        if (newArpa.isEmpty() || arpa.isEmpty() || arpa.get().value() <= 0
                || Math.abs(newArpa.get().value() / arpa.get().value() - 1) <= gap) {
            return finding;
        }
        List<Metric> more = new ArrayList<>(List.of(newArpa.get(), arpa.get()));
        for (Metric evidence : finding.evidence()) {
            if (ON_NEW_DEALS.contains(evidence.code())) {
                sheet.company("base_" + evidence.code()).ifPresent(more::add);
            }
        }
        return finding.with(more.toArray(Metric[]::new)).note(NOTE, "yes");
    }

    /** Whether the finding's evidence holds a computed payback or LTV:CAC: a reported one is the company's own. */
    private static boolean standsOnNewDeals(Finding finding) {
        for (Metric evidence : finding.evidence()) {
            if (ON_NEW_DEALS.contains(evidence.code()) && "computed".equals(evidence.source())) {
                return true;
            }
        }
        return false;
    }
}
