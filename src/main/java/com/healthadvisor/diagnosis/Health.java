package com.healthadvisor.diagnosis;

import com.healthadvisor.facts.Finding;
import com.healthadvisor.metrics.MetricSheet;
import com.healthadvisor.ruleset.CodeWording;
import com.healthadvisor.ruleset.Limits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The overall verdict of diagnoses.md ("Overall health"), and the status of each dimension. */
final class Health {

    private Health() {
    }

    static String verdict(List<Diagnosis> diagnoses, MetricSheet sheet, Limits limits) {
        boolean runwayEmergency = sheet.company("runway_months")
                .filter(m -> m.value() < limits.get("health_critical_runway_months")).isPresent();
        boolean unsustainable = sheet.company("ltv_cac_ratio")
                .filter(m -> m.value() < limits.get("health_critical_ltv_cac_ratio")).isPresent();
        Map<String, Integer> severities = severitiesByDimension(diagnoses);
        if (runwayEmergency || unsustainable
                || dimensionsAt("critical", severities) >= limits.get("health_critical_dimensions")) {
            return "critical";
        }
        if (dimensionsAt("critical", severities) > 0
                || dimensionsAt("high", severities) >= limits.get("health_concerning_high_dimensions")) {
            return "concerning";
        }
        if (dimensionsAt("high", severities) > 0 || dimensionsAt("medium", severities) > 0) {
            return "moderate";
        }
        return "healthy";
    }

    /** For each dimension, the severities of its diagnoses as bits (bit i: {@code Finding.SEVERITIES.get(i)}). */
    private static Map<String, Integer> severitiesByDimension(List<Diagnosis> diagnoses) {
        Map<String, Integer> severities = new HashMap<>();
        for (Diagnosis diagnosis : diagnoses) {
            severities.merge(diagnosis.dimension(), 1 << Finding.SEVERITIES.indexOf(diagnosis.severity()),
                    (a, b) -> a | b);
        }
        return severities;
    }

    /** How many dimensions have a diagnosis of this severity. */
    private static long dimensionsAt(String severity, Map<String, Integer> severities) {
        int bit = 1 << Finding.SEVERITIES.indexOf(severity);
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
            String status = isProblem(diagnosis.severity()) ? diagnosis.severity() : "healthy";
            worst.merge(diagnosis.dimension(), status, Health::worse);
        }
        List<DiagnosisResult.DimensionStatus> statuses = new ArrayList<>();
        worst.forEach((dimension, status) -> statuses.add(new DiagnosisResult.DimensionStatus(dimension, status)));
        return statuses;
    }

    private static boolean isProblem(String severity) {
        return Finding.SEVERITIES.indexOf(severity) <= Finding.SEVERITIES.indexOf("low");
    }

    private static String worse(String a, String b) {
        if (a.equals("healthy")) {
            return b;
        }
        if (b.equals("healthy")) {
            return a;
        }
        return Finding.SEVERITIES.indexOf(a) <= Finding.SEVERITIES.indexOf(b) ? a : b;
    }
}
