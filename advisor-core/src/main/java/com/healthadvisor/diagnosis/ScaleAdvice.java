package com.healthadvisor.diagnosis;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.facts.Finding;
import com.healthadvisor.facts.Severity;
import com.healthadvisor.ruleset.CodeWording;
import com.healthadvisor.ruleset.Dimension;
import com.healthadvisor.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Advice does not contradict itself (judgment.md P15): a finding that tells the company to scale, invest more in
 * acquisition or raise budget ({@code advice: scale} in its wording) is silenced next to a critical finding in cash,
 * retention or concentration, or a high one in cash; {@code not_assessed} says which finding silenced it.
 */
final class ScaleAdvice {

    /** The findings about cash: how long it lasts. */
    static final Set<String> CASH = Set.of("RUNWAY_SHORT");

    /** The findings kept, and a reason for each code silenced. */
    record Silenced(List<FindingMerger.Merged> kept, List<DiagnosisResult.NotAssessed> silenced) {
    }

    private ScaleAdvice() {
    }

    static Silenced silence(List<FindingMerger.Merged> findings, RuleSet ruleSet) {
        Finding blocker = blocker(findings, ruleSet);
        if (blocker == null) {
            return new Silenced(findings, List.of());
        }
        List<FindingMerger.Merged> kept = new ArrayList<>(findings.size());
        List<DiagnosisResult.NotAssessed> silenced = new ArrayList<>();
        for (FindingMerger.Merged merged : findings) {
            CodeWording wording = ruleSet.wording().get(merged.finding().code());
            if (wording != null && wording.scaleAdvice()) {
                silenced.add(new DiagnosisResult.NotAssessed(merged.finding().code(),
                        "not advised next to " + describe(blocker, ruleSet) + ": fix that before scaling acquisition"));
            } else {
                kept.add(merged);
            }
        }
        return new Silenced(kept, silenced.stream().distinct().toList());
    }

    /** The most severe finding that forbids advice to scale, or null when none does. */
    private static Finding blocker(List<FindingMerger.Merged> findings, RuleSet ruleSet) {
        Finding worst = null;
        for (FindingMerger.Merged merged : findings) {
            Finding finding = merged.finding();
            CodeWording wording = ruleSet.wording().get(finding.code());
            boolean cash = CASH.contains(finding.code()) && finding.severityRank() <= 1;
            Dimension dimension = wording == null ? null : Dimension.of(wording.dimension());
            boolean critical = finding.severity().equals(Severity.CRITICAL.word()) && dimension != null
                    && dimension.outranksScaling();
            if ((cash || critical) && (worst == null || finding.severityRank() < worst.severityRank())) {
                worst = finding;
            }
        }
        return worst;
    }

    /** "a critical finding: cash runs out within six months". */
    private static String describe(Finding finding, RuleSet ruleSet) {
        CodeWording wording = ruleSet.wording().get(finding.code());
        String title = wording == null ? finding.code()
                : Character.toLowerCase(wording.title().charAt(0)) + wording.title().substring(1);
        return "a " + finding.severity() + " finding (" + title + ")";
    }
}
