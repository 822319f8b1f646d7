package com.healthadvisor.web.workbench;

import com.healthadvisor.json.Json;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The short form for people without a file: a period's MRR and customer bridges and a few metrics they already
 * have, turned into the snapshot document of contract.md. Field names are the document's paths with dots
 * ({@code mrr.starting}), so that the reader's problems land beside the field they concern. A rate may be written
 * as people write it, {@code 108%}, or as a ratio, {@code 1.08}.
 */
public record SnapshotForm(Map<String, String> values) {

    /** Field, label: the bridges in the order of the contract. */
    static final Map<String, String> MRR = fields("mrr.starting", "Starting MRR", "mrr.new", "New",
            "mrr.expansion", "Expansion", "mrr.contraction", "Contraction", "mrr.churned", "Churned",
            "mrr.ending", "Ending MRR");
    static final Map<String, String> CUSTOMERS = fields("customers.starting", "Starting customers",
            "customers.new", "New", "customers.churned", "Churned", "customers.ending", "Ending customers");
    static final Map<String, String> METRICS = fields("metrics.nrr", "NRR (e.g. 104%)", "metrics.gross_margin",
            "Gross margin (e.g. 78%)", "metrics.ltv_cac_ratio", "LTV:CAC (e.g. 3.2)", "metrics.cac_payback_months",
            "CAC payback, months");
    static final List<String> RATES = List.of("metrics.nrr", "metrics.gross_margin");
    static final List<String> TEXT = List.of("company", "period", "currency", "profile.stage", "profile.market");

    static SnapshotForm empty() {
        return new SnapshotForm(Map.of("currency", "USD"));
    }

    /** The posted fields this form knows, trimmed; the rest (the CSRF token) left out. */
    static SnapshotForm of(Map<String, String> posted) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : all()) {
            String value = posted.get(field);
            if (value != null && !value.isBlank()) {
                values.put(field, value.strip());
            }
        }
        return new SnapshotForm(values);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The fields whose text is not a number, with what is wrong. */
    Map<String, String> numberProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String field : numeric()) {
            String text = values.get(field);
            if (text != null && number(field, text) == null) {
                problems.put(field, "\"" + text + "\" is not a number" + (RATES.contains(field)
                        ? ": write 104% or 1.04" : ": write 52000 or 52,000"));
            }
        }
        return problems;
    }

    /** The snapshot document; the form is checked by the same reader as every other snapshot. */
    byte[] json() {
        ObjectNode root = Json.PLAIN.createObjectNode();
        root.put("company", value("company"));
        root.put("period", value("period"));
        root.put("periodicity", "monthly");
        root.put("currency", values.getOrDefault("currency", "USD").toUpperCase(java.util.Locale.ROOT));
        ObjectNode profile = Json.PLAIN.createObjectNode();
        putText(profile, "stage", values.get("profile.stage"));
        putText(profile, "market", values.get("profile.market"));
        if (!profile.isEmpty()) {
            root.set("profile", profile);
        }
        for (String field : numeric()) {
            BigDecimal number = values.containsKey(field) ? number(field, values.get(field)) : null;
            if (number != null) {
                String[] path = field.split("\\.");
                ObjectNode section = root.has(path[0]) ? (ObjectNode) root.get(path[0]) : root.putObject(path[0]);
                section.put(path[1], number);
            }
        }
        return Json.PLAIN.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }

    /** The form field a reader's pointer is about ({@code /mrr/starting} → {@code mrr.starting}), if it has one. */
    static String fieldOf(String pointer) {
        if (pointer == null) {
            return null;
        }
        String field = pointer.replaceFirst("^/", "").replace('/', '.');
        return all().contains(field) ? field : field.startsWith("mrr") ? "mrr.starting"
                : field.startsWith("customers") ? "customers.starting" : null;
    }

    private static void putText(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value);
        }
    }

    private static BigDecimal number(String field, String text) {
        String written = text.replace(",", "").replace("$", "").replace(" ", "");
        boolean percent = written.endsWith("%");
        try {
            BigDecimal number = new BigDecimal(percent ? written.substring(0, written.length() - 1) : written);
            return percent && RATES.contains(field) ? number.movePointLeft(2) : percent ? null : number;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> numeric() {
        return java.util.stream.Stream.of(MRR, CUSTOMERS, METRICS).flatMap(m -> m.keySet().stream()).toList();
    }

    private static List<String> all() {
        return java.util.stream.Stream.concat(TEXT.stream(), numeric().stream()).toList();
    }

    private static Map<String, String> fields(String... namesAndLabels) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndLabels.length; i += 2) {
            fields.put(namesAndLabels[i], namesAndLabels[i + 1]);
        }
        return fields;
    }
}
