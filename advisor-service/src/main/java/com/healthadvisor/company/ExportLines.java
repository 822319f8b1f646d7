package com.healthadvisor.company;

import com.healthadvisor.report.ResultJson;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a company's export (JSON lines): a revision with the document as sent and, when it has one, its
 * diagnosis and the rule set version that produced it.
 */
public final class ExportLines {

    private static final JsonMapper ONE_LINE = ResultJson.mapper().rebuild()
            .disable(SerializationFeature.INDENT_OUTPUT).build();

    private ExportLines() {
    }

    public static byte[] of(CompanyStore.Revision revision) {
        StoredSnapshot s = revision.snapshot();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("company", s.company());
        line.put("period", s.period());
        line.put("revision", s.revision());
        line.put("stored_at", s.storedAt().toString());
        line.put("stored_by", s.storedBy());
        line.put("sha256", s.sha256());
        line.put("snapshot", ONE_LINE.readTree(s.document()));
        StoredDiagnosis d = revision.diagnosis();
        if (d != null) {
            line.put("rule_set_version", d.ruleSetVersion());
            line.put("diagnosed_at", d.diagnosedAt().toString());
            line.put("diagnosis", ONE_LINE.readTree(d.result()));
        }
        return ONE_LINE.writeValueAsBytes(line);
    }
}
