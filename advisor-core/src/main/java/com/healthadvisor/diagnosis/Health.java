package com.healthadvisor.diagnosis;

import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.facts.Severity;
import com.healthadvisor.metrics.MetricSheet;
import com.healthadvisor.ruleset.CodeWording;
import com.healthadvisor.ruleset.Dimension;
import com.healthadvisor.ruleset.Limits;
import com.healthadvisor.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The overall verdict of diagnoses.md ("Overall health") as judgment.md orders it: {@code insufficient_data}
 * when fewer than two dimensions could be judged (P11), then {@code critical}, {@code concerning},
 * {@code moderate}, {@code healthy}; and the status of each dimension.
 */
final class Health {

    /** The health, and why when it is {@code insufficient_data} or milder than the worst finding. */
    record Verdict(String health, String reason) {
    }

    /** Dimensions about the data rather than the business: judging them alone says nothing of its health. */

    private Health() {
    }

    static Verdict verdict(List<Diagnosis> diagnoses, List<FindingMerger.Merged> findings, MetricSheet sheet,
                           RuleSet ruleSet, List<DiagnosisResult.NotAssessed> notAssessed) {
        List<String> judged = judgedDimensions(ruleSet, notAssessed);
        if (judged.size() < ruleSet.limits().get("health_min_dimensions")) {
            return new Verdict(HealthLevel.INSUFFICIENT_DATA.word(), (judged.isEmpty() ? "no dimension of the business"
                    : "only " + String.join(", ", judged).replace('_', ' ')) + " could be judged from this snapshot; "
                    + "the codes not assessed say what to add");
        }
        boolean umbrella = gathersMany(findings, ruleSet);
        HealthLevel health = umbrella ? HealthLevel.CRITICAL : verdict(diagnoses, sheet, ruleSet.limits());
        return new Verdict(health.word(), belowTheWorst(health, diagnoses, ruleSet.limits()));
    }

    /**
     * Why the verdict is milder than the worst finding (judgment.md P15: four critical findings and a health of
     * concerning need a reason), or null when it is not.
     */
    private static String belowTheWorst(HealthLevel health, List<Diagnosis> diagnoses, Limits limits) {
        Severity worst = worstSeverity(diagnoses);
        // A healthy verdict has no finding of medium or worse about the business to be milder than.
        if (worst == null || health == HealthLevel.HEALTHY || !health.isMilderThan(HealthLevel.of(worst))) {
            return null;
        }
        String word = worst.word();
        Set<String> dimensions = new TreeSet<>();
        long findings = 0;
        for (Diagnosis diagnosis : diagnoses) {
            if (diagnosis.severity().equals(word) && judgesTheBusiness(diagnosis.dimension())) {
                dimensions.add(diagnosis.dimension().replace('_', ' '));
                findings++;
            }
        }
        return (findings == 1 ? "one " + word + " finding" : findings + " " + word + " findings") + " ("
                + String.join(", ", dimensions) + "), but " + whatItTakes(worst, limits);
    }

    /** The worst severity of a finding about the business; null when there is none. */
    private static Severity worstSeverity(List<Diagnosis> diagnoses) {
        Severity worst = null;
        for (Diagnosis diagnosis : diagnoses) {
            Severity severity = Severity.of(diagnosis.severity());
            if (judgesTheBusiness(diagnosis.dimension()) && severity.isWorseThan(worst)) {
                worst = severity;
            }
        }
        return worst;
    }

    /** What the health one step worse than the verdict takes, in the limits' words. */
    private static String whatItTakes(Severity worst, Limits limits) {
        if (worst == Severity.CRITICAL) {
            return "health is critical only with critical findings in "
                    + Math.round(limits.get("health_critical_dimensions")) + " dimensions, runway under "
                    + Math.round(limits.get("health_critical_runway_months")) + " months while burning, LTV:CAC under "
                    + Math.round(limits.get("health_critical_ltv_cac_ratio")) + " or retention first gathering "
                    + Math.round(limits.get("health_critical_umbrella_findings")) + " findings";
        }
        return "health is concerning only with high findings in "
                + Math.round(limits.get("health_concerning_high_dimensions")) + " dimensions or a critical finding";
    }

    /**
     * The dimensions with at least one code assessed (fired, or with everything it requires present), in the order of
     * {@link CodeWording#DIMENSIONS}.
     */
    private static List<String> judgedDimensions(RuleSet ruleSet, List<DiagnosisResult.NotAssessed> notAssessed) {
        Set<String> missing = new HashSet<>();
        for (DiagnosisResult.NotAssessed code : notAssessed) {
            missing.add(code.code());
        }
        // Most codes share a dimension with one before them: each dimension is looked into until one code counts.
        Set<String> judged = new HashSet<>();
        for (CodeWording wording : ruleSet.wording().values()) {
            String dimension = wording.dimension();
            if (!judged.contains(dimension) && !missing.contains(wording.code()) && judgesTheBusiness(dimension)) {
                judged.add(dimension);
            }
        }
        List<String> ordered = new ArrayList<>(judged);
        ordered.sort(Comparator.comparingInt(CodeWording.DIMENSIONS::indexOf));
        return ordered;
    }

    /** A first-ranked finding that gathers many others (RETENTION_FIRST): the seed's "STOP", so critical. */
    private static boolean gathersMany(List<FindingMerger.Merged> findings, RuleSet ruleSet) {
        double many = ruleSet.limits().get("health_critical_umbrella_findings");
        for (FindingMerger.Merged merged : findings) {
            CodeWording wording = ruleSet.wording().get(merged.finding().code());
            Object count = merged.finding().notes().get("count");
            // An umbrella capped as a run rate stands on run rates: no alarm, so no critical health either.
            boolean runRate = merged.finding().notes().containsKey(RunRates.NOTE);
            if (wording != null && wording.rankFirst() && !runRate && count instanceof Number n
                    && n.doubleValue() >= many) {
                return true;
            }
        }
        return false;
    }

    private static HealthLevel verdict(List<Diagnosis> diagnoses, MetricSheet sheet, Limits limits) {
        boolean runwayEmergency = sheet.company("runway_months")
                .filter(m -> m.value() < limits.get("health_critical_runway_months")).isPresent();
        boolean unsustainable = sheet.company("ltv_cac_ratio")
                .filter(m -> m.value() < limits.get("health_critical_ltv_cac_ratio")).isPresent();
        Map<String, Integer> severities = severitiesByDimension(diagnoses);
        if (runwayEmergency || unsustainable
                || dimensionsAt(Severity.CRITICAL, severities) >= limits.get("health_critical_dimensions")) {
            return HealthLevel.CRITICAL;
        }
        if (dimensionsAt(Severity.CRITICAL, severities) > 0
                || dimensionsAt(Severity.HIGH, severities) >= limits.get("health_concerning_high_dimensions")) {
            return HealthLevel.CONCERNING;
        }
        if (dimensionsAt(Severity.HIGH, severities) > 0 || dimensionsAt(Severity.MEDIUM, severities) > 0) {
            return HealthLevel.MODERATE;
        }
        return HealthLevel.HEALTHY;
    }

    /** For each dimension, the severities of its diagnoses as bits (bit i: the severity of ordinal i). */
    private static Map<String, Integer> severitiesByDimension(List<Diagnosis> diagnoses) {
        Map<String, Integer> severities = new HashMap<>();
        for (Diagnosis diagnosis : diagnoses) {
            severities.merge(diagnosis.dimension(), 1 << Severity.of(diagnosis.severity()).ordinal(),
                    (a, b) -> a | b);
        }
        return severities;
    }

    /** How many dimensions have a diagnosis of this severity. */
    private static long dimensionsAt(Severity severity, Map<String, Integer> severities) {
        int bit = 1 << severity.ordinal();
        long count = 0;
        for (int bits : severities.values()) {
            if ((bits & bit) != 0) {
                count++;
            }
        }
        return count;
    }

    static List<DiagnosisResult.DimensionStatus> dimensions(List<Diagnosis> diagnoses) {
        Map<String, String> worst = new TreeMap<>(Comparator.comparingInt(CodeWording.DIMENSIONS::indexOf));
        for (Diagnosis diagnosis : diagnoses) {
            String status = Severity.of(diagnosis.severity()).isProblem() ? diagnosis.severity()
                    : HealthLevel.HEALTHY.word();
            worst.merge(diagnosis.dimension(), status, Health::worse);
        }
        List<DiagnosisResult.DimensionStatus> statuses = new ArrayList<>();
        worst.forEach((dimension, status) -> statuses.add(new DiagnosisResult.DimensionStatus(dimension, status)));
        return statuses;
    }

    private static String worse(String a, String b) {
        if (a.equals(HealthLevel.HEALTHY.word())) {
            return b;
        }
        if (b.equals(HealthLevel.HEALTHY.word())) {
            return a;
        }
        return Severity.of(b).isWorseThan(Severity.of(a)) ? b : a;
    }

    /** Dimensions about the data rather than the business: judging them alone says nothing of its health. */
    private static boolean judgesTheBusiness(String dimension) {
        Dimension known = Dimension.of(dimension);
        return known == null || known.judgesTheBusiness();
    }
}
