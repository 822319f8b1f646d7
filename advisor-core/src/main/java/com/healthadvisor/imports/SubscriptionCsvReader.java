package com.healthadvisor.imports;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A subscription CSV, one subscription a line, in the layout the analytics vendors take for manual imports (the
 * default, docs/imports.md) or in any other that a {@link CsvMapping} names: customer, subscription, plan amount per
 * interval (in minor units unless the mapping says major), currency, interval, interval count, quantity, start and
 * cancellation dates, and optionally the end of a trial.
 */
final class SubscriptionCsvReader {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY)
            .enable(CsvReadFeature.TRIM_SPACES).enable(CsvReadFeature.SKIP_EMPTY_LINES).build();

    private final Export export;
    private final CsvMapping mapping;

    SubscriptionCsvReader(Export export, CsvMapping mapping) {
        this.export = export;
        this.mapping = mapping;
    }

    void read(Reader csv, String name) {
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(csv)) {
            if (!rows.hasNextValue()) {
                export.problems.add(name + ": empty; expected a header line and one line per subscription");
                return;
            }
            Map<String, Integer> columns = columns(rows.nextValue(), name);
            if (columns == null) {
                return;
            }
            while (rows.hasNextValue()) {
                int line = rows.currentLocation().getLineNr();
                String[] row = rows.nextValue();
                try {
                    export.subscriptions.add(subscription(row, columns, name + " line " + line));
                } catch (Refused e) {
                    export.problems.add(name + " line " + line + ": " + e.getMessage());
                }
            }
        } catch (JacksonException e) {
            export.problems.add(name + ": not CSV at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        }
    }

    /** Our field → its column index; every required field's column must be in the header. */
    private Map<String, Integer> columns(String[] header, String name) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            byName.put(header[i].trim().replace("\uFEFF", "").toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String field : CsvMapping.FIELDS) {
            Integer index = byName.get(mapping.column(field).toLowerCase(Locale.ROOT));
            if (index != null) {
                columns.put(field, index);
            } else if (CsvMapping.REQUIRED.contains(field)) {
                missing.add(mapping.column(field) + (mapping.column(field).equals(field) ? "" : " (" + field + ")"));
            }
        }
        if (!missing.isEmpty()) {
            export.problems.add(name + ": the header has no column " + String.join(", ", missing)
                    + "; its columns are " + String.join(", ", header) + " (a mapping file names other columns)");
            return null;
        }
        return columns;
    }

    private Subscription subscription(String[] row, Map<String, Integer> columns, String where) {
        String customer = required(row, columns, "customer_id");
        String currency = Money.code(required(row, columns, "currency"));
        if (currency == null) {
            throw new Refused("currency \"" + cell(row, columns, "currency") + "\" is not a currency code");
        }
        Interval interval = Interval.of(required(row, columns, "interval"));
        if (interval == null) {
            throw new Refused("interval \"" + cell(row, columns, "interval")
                    + "\" is not day, week, month or year");
        }
        int count = whole(row, columns, "interval_count", 1);
        long quantity = whole(row, columns, "quantity", 1);
        BigDecimal amount = number(required(row, columns, "plan_amount"), "plan_amount")
                .multiply(BigDecimal.valueOf(quantity));
        amount = mapping.majorUnits() ? amount : Money.fromMinor(amount, currency);
        long started = date(required(row, columns, "started_at"), "started_at");
        String canceledText = cell(row, columns, "canceled_at");
        Long canceled = canceledText.isEmpty() ? null : date(canceledText, "canceled_at");
        String trialText = cell(row, columns, "trial_end");
        Long trialEnd = trialText.isEmpty() ? null : date(trialText, "trial_end");
        long paysFrom = trialEnd != null && trialEnd > started ? trialEnd : started;
        export.saw(started);
        // A CSV does not say which cancellations are still ahead: one dated ahead stretches the months to it, which
        // --through cuts back.
        export.saw(canceled);
        String id = cell(row, columns, "subscription_id");
        return new Subscription(customer, currency, paysFrom, canceled,
                false, List.of(new Subscription.Item(id.isEmpty() ? where : id, amount, interval, count, false,
                List.of())), List.of());
    }

    private static String cell(String[] row, Map<String, Integer> columns, String field) {
        Integer index = columns.get(field);
        return index == null || index >= row.length ? "" : row[index].trim();
    }

    private String required(String[] row, Map<String, Integer> columns, String field) {
        String value = cell(row, columns, field);
        if (value.isEmpty()) {
            throw new Refused(mapping.column(field) + " is empty");
        }
        return value;
    }

    private int whole(String[] row, Map<String, Integer> columns, String field, int absent) {
        String value = cell(row, columns, field);
        if (value.isEmpty()) {
            return absent;
        }
        try {
            int whole = Integer.parseInt(value);
            if (whole < 1) {
                throw new NumberFormatException();
            }
            return whole;
        } catch (NumberFormatException e) {
            throw new Refused(mapping.column(field) + " \"" + value + "\" is not a whole number above 0");
        }
    }

    private static BigDecimal number(String text, String field) {
        try {
            BigDecimal number = new BigDecimal(text);
            if (number.signum() < 0) {
                throw new Refused(field + " " + text + " is below zero");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new Refused(field + " \"" + text + "\" is not a number");
        }
    }

    /** A date as exports write them: 2024-03-15, 2024-03-15T10:00:00Z (or with an offset), or epoch seconds. */
    static long date(String text, String field) {
        try {
            if (text.matches("\\d{9,11}")) {
                return Long.parseLong(text);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            String iso = text.replace(' ', 'T');
            return iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$") ? OffsetDateTime.parse(iso).toEpochSecond()
                    : java.time.LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Refused(field + " \"" + text + "\" is not a date (2024-03-15, "
                    + "2024-03-15T10:00:00Z or epoch seconds)");
        }
    }
}
