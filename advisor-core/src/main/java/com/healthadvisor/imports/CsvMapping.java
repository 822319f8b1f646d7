package com.healthadvisor.imports;

import com.healthadvisor.InvalidImportException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which column of a subscription CSV holds which field: by default the column of the field's own name; a mapping
 * file of {@code field = column} lines names others, and {@code amounts = major} says the plan amount is in major
 * units (dollars) rather than minor ones (cents).
 */
public final class CsvMapping {

    static final List<String> FIELDS = List.of("customer_id", "subscription_id", "plan_amount", "currency", "interval",
            "interval_count", "quantity", "started_at", "canceled_at", "trial_end");
    static final Set<String> REQUIRED = Set.of("customer_id", "plan_amount", "currency", "interval", "started_at");

    public static final CsvMapping DEFAULT = new CsvMapping(Map.of(), false);

    /** Chargebee's subscriptions export (Settings → Import & Export Data), amounts in major units. */
    static final CsvMapping CHARGEBEE = new CsvMapping(Map.of("customer_id", "subscriptions.customer_id",
            "subscription_id", "subscriptions.id", "plan_amount", "subscriptions.plan_unit_price", "quantity",
            "subscriptions.plan_quantity", "currency", "subscriptions.currency_code", "interval",
            "subscriptions.billing_period_unit", "interval_count", "subscriptions.billing_period", "started_at",
            "subscriptions.started_at", "canceled_at", "subscriptions.cancelled_at", "trial_end",
            "subscriptions.trial_end"), true);

    private final Map<String, String> columns;
    private final boolean majorUnits;

    private CsvMapping(Map<String, String> columns, boolean majorUnits) {
        this.columns = columns;
        this.majorUnits = majorUnits;
    }

    /** Reads a mapping file; a line naming no field we know is refused, naming the fields. */
    public static CsvMapping read(Reader text) {
        Map<String, String> columns = new HashMap<>();
        boolean major = false;
        List<String> problems = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(text)) {
            String line;
            for (int number = 1; (line = lines.readLine()) != null; number++) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                String field = equals < 0 ? trimmed : trimmed.substring(0, equals).strip();
                String column = equals < 0 ? "" : trimmed.substring(equals + 1).strip();
                if (field.equals("amounts") && (column.equals("major") || column.equals("minor"))) {
                    major = column.equals("major");
                } else if (!FIELDS.contains(field) || column.isEmpty()) {
                    problems.add("mapping line " + number + ": expected field = column, with a field among "
                            + String.join(", ", FIELDS) + " (or amounts = major), got \"" + trimmed + "\"");
                } else {
                    columns.put(field, column);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mapping file", e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidImportException(problems);
        }
        return new CsvMapping(columns, major);
    }

    String column(String field) {
        return columns.getOrDefault(field, field);
    }

    boolean majorUnits() {
        return majorUnits;
    }
}
