package com.healthadvisor.diagnosis;

import com.healthadvisor.facts.Finding;
import com.healthadvisor.metrics.MetricSheet;
import com.healthadvisor.ruleset.CodeWording;
import com.healthadvisor.ruleset.Limits;

import java.util.ArrayList;
import java.util.Comparator;
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
        if (runwayEmergency || unsustainable
                || dimensionsAt("critical", diagnoses) >= limits.get("health_critical_dimensions")) {
            return "critical";
        }
        if (dimensionsAt("critical", diagnoses) > 0
                || dimensionsAt("high", diagnoses) >= limits.get("health_concerning_high_dimensions")) {
            return "concerning";
        }
        if (dimensionsAt("high", diagnoses) > 0 || dimensionsAt("medium", diagnoses) > 0) {
            return "moderate";
        }
        return "healthy";
    }

    private static long dimensionsAt(String severity, List<Diagnosis> diagnoses) {
        return diagnoses.stream().filter(d -> d.severity().equals(severity)).map(Diagnosis::dimension)
                .distinct().count();
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
