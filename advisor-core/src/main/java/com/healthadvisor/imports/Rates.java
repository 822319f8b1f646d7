package com.healthadvisor.imports;

import com.healthadvisor.InvalidImportException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exchange rates into the reporting currency: CSV {@code currency,rate}, where {@code rate} is what one unit of that
 * currency is worth in the reporting currency ({@code EUR,1.08} when reporting in USD), with an optional
 * {@code month} column. By default one rate per currency (the newest month's), so that exchange moves are never
 * read as expansion or contraction (docs/imports.md, "Currencies"); asked for, each month's own rate (the newest at
 * or before it), with the movement the rates cause written apart.
 */
public final class Rates {

    private final String reporting;
    /** Each currency's rates by month ({@code YYYY-MM}; "" for a rate without a month). */
    private final Map<String, TreeMap<String, BigDecimal>> rates;

    private Rates(String reporting, Map<String, TreeMap<String, BigDecimal>> rates) {
        this.reporting = reporting;
        this.rates = rates;
    }

    /** No rates: every subscription must be in the reporting currency. */
    public static Rates none(String reporting) {
        return new Rates(reporting, Map.of());
    }

    /** Reads a rates file; every bad line is named, and the file is refused as a whole. */
    public static Rates read(Reader csv, String reporting) {
        Map<String, TreeMap<String, BigDecimal>> rates = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(csv)) {
            List<String> header = cells(lines.readLine());
            int currency = header.indexOf("currency");
            int rate = header.indexOf("rate");
            int month = header.indexOf("month");
            if (currency < 0 || rate < 0) {
                throw new InvalidImportException(List.of("rates: the header must name the columns currency and rate "
                        + "(and optionally month), as in: currency,rate"));
            }
            String line;
            for (int number = 2; (line = lines.readLine()) != null; number++) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> row = cells(line);
                String code = Money.code(cell(row, currency));
                BigDecimal value = number(cell(row, rate));
                String at = month < 0 ? "" : cell(row, month);
                if (code == null || value == null || value.signum() <= 0 || !(at.isEmpty() || at.matches(MONTH))) {
                    problems.add("rates line " + number + ": expected a currency code, a rate above zero and a month "
                            + "YYYY-MM if the file has that column, got \"" + line + "\"");
                } else if (rates.computeIfAbsent(code, c -> new TreeMap<>()).put(at, value) != null) {
                    problems.add("rates line " + number + ": a second rate for " + code
                            + (at.isEmpty() ? "" : " in " + at));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rates file", e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidImportException(problems);
        }
        return new Rates(reporting, rates);
    }

    public String reporting() {
        return reporting;
    }

    /** The one rate of a currency (its newest); null when there is none (the reporting currency's is 1). */
    BigDecimal of(String currency) {
        if (currency.equals(reporting)) {
            return BigDecimal.ONE;
        }
        TreeMap<String, BigDecimal> byMonth = rates.get(currency);
        return byMonth == null ? null : byMonth.lastEntry().getValue();
    }

    /** A month's rate ({@code YYYY-MM}): the newest at or before it; null when the file has none that early. */
    BigDecimal at(String currency, String month) {
        if (currency.equals(reporting)) {
            return BigDecimal.ONE;
        }
        TreeMap<String, BigDecimal> byMonth = rates.get(currency);
        var entry = byMonth == null ? null : byMonth.floorEntry(month);
        return entry == null ? null : entry.getValue();
    }

    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        if (line == null) {
            return cells;
        }
        for (String cell : line.split(",", -1)) {
            cells.add(cell.trim().replace("\"", "").toLowerCase(java.util.Locale.ROOT));
        }
        return cells;
    }

    private static String cell(List<String> row, int index) {
        return index < row.size() ? row.get(index) : "";
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
