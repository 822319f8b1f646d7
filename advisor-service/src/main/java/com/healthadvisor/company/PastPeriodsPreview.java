package com.healthadvisor.company;

import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.live.StoredPeriods;
import com.healthadvisor.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A rule change tried on the companies' real past: each company's newest stored period diagnosed under the active
 * rule set and under the candidate. With more companies than {@link #SAMPLE}, an evenly spread sample of them (by
 * name), and the preview says how many were compared.
 */
public final class PastPeriodsPreview implements StoredPeriods {

    /** Companies compared at most: a preview answers within seconds, whatever the size of the memory. */
    public static final int SAMPLE = 200;

    private final CompanyMemory memory;

    public PastPeriodsPreview(CompanyMemory memory) {
        this.memory = memory;
    }

    @Override
    public Compared compare(RuleSet active, RuleSet candidate) {
        List<CompanyStore.CompanyHead> newest = memory.store().heads();
        List<CompanyStore.CompanyHead> sample = sample(newest);
        List<Move> moved = new ArrayList<>();
        for (CompanyStore.CompanyHead head : sample) {
            StoredSnapshot period = memory.store().latest(head.company(), head.latestPeriod()).orElseThrow();
            DiagnosisResult before = memory.judge(period, active);
            DiagnosisResult after = memory.judge(period, candidate);
            List<String> was = codes(before);
            List<String> is = codes(after);
            if (!was.equals(is) || !before.health().equals(after.health())) {
                moved.add(new Move(period.company(), period.period(), before.health(), after.health(),
                        minus(is, was), minus(was, is)));
            }
        }
        return new Compared(newest.size(), sample.size(), List.copyOf(moved), summary(moved, sample.size()));
    }

    private static <T> List<T> sample(List<T> all) {
        if (all.size() <= SAMPLE) {
            return all;
        }
        List<T> sample = new ArrayList<>(SAMPLE);
        for (int i = 0; i < SAMPLE; i++) {
            sample.add(all.get((int) ((long) i * all.size() / SAMPLE)));
        }
        return sample;
    }

    private static List<String> codes(DiagnosisResult result) {
        return result.diagnoses().stream().map(Diagnosis::code).distinct().sorted().toList();
    }

    private static List<String> minus(List<String> codes, List<String> others) {
        Set<String> left = new LinkedHashSet<>(codes);
        others.forEach(left::remove);
        return List.copyOf(left);
    }

    /** "LOGO_CHURN_CRISIS disappears for 3 of 40 companies", most frequent first. */
    private static List<String> summary(List<Move> moved, int compared) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Move move : moved) {
            move.disappeared().forEach(code -> counts.merge(code + " disappears for ", 1, Integer::sum));
            move.appeared().forEach(code -> counts.merge(code + " appears for ", 1, Integer::sum));
            if (!move.healthBefore().equals(move.healthAfter())) {
                counts.merge("health moves from " + move.healthBefore() + " to " + move.healthAfter() + " for ", 1,
                        Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .forEach(e -> lines.add(e.getKey() + e.getValue() + " of " + compared
                        + (compared == 1 ? " company" : " companies")));
        return List.copyOf(lines);
    }
}
