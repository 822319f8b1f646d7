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
 * currency is worth in the reporting currency ({@code EUR,1.08} when reporting in USD). One rate per currency, so
 * that exchange moves are never read as expansion or contraction (docs/imports.md, "Currencies"); a file with a
 * {@code month} column gives the rate of the newest month it names for each currency.
 */
public final class Rates {

    private final String reporting;
    private final Map<String, BigDecimal> rates;

    private Rates(String reporting, Map<String, BigDecimal> rates) {
        this.reporting = reporting;
        this.rates = rates;
    }

    /** No rates: every subscription must be in the reporting currency. */
    public static Rates none(String reporting) {
        return new Rates(reporting, Map.of());
    }

    /** Reads a rates file; every bad line is named, and the file is refused as a whole. */
    public static Rates read(Reader csv, String reporting) {
        Map<String, BigDecimal> rates = new TreeMap<>();
        Map<String, String> newestMonth = new TreeMap<>();
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
                if (code == null || value == null || value.signum() <= 0) {
                    problems.add("rates line " + number + ": expected a currency code and a rate above zero, got \""
                            + line + "\"");
                } else if (at.compareTo(newestMonth.getOrDefault(code, "")) >= 0) {
                    newestMonth.put(code, at);
                    rates.put(code, value);
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

    /** The rate of a currency into the reporting one; null when there is none (the reporting currency's is 1). */
    BigDecimal of(String currency) {
        return currency.equals(reporting) ? BigDecimal.ONE : rates.get(currency);
    }

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
