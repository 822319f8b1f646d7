package com.healthadvisor.ledger;

import com.healthadvisor.InvalidLedgerException;
import com.healthadvisor.snapshot.Echo;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import com.healthadvisor.snapshot.SnapshotReader;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a ledger in one streaming pass: {@code customer_id,month,mrr} and optional {@code users}, {@code fx}
 * (the part of the row's MRR change since the month before that exchange rates caused), {@code product}, {@code market}, {@code plan}, {@code region}, {@code channel} columns. Memory grows
 * with customers and months, not with the file. Every bad row is reported with its line; a ledger with
 * any bad row is refused as a whole.
 */
final class LedgerReader {

    static final List<String> REQUIRED = List.of("customer_id", "month", "mrr");
    static final List<String> DIMENSIONS = List.of("product", "market", "plan", "region", "channel");
    static final Set<String> KNOWN = Set.of("customer_id", "month", "mrr", "users", "currency", "fx", "product",
            "market", "plan", "region", "channel");
    private static final int MAX_PROBLEMS_SHOWN = 50;
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvReadFeature.TRIM_SPACES).enable(CsvReadFeature.SKIP_EMPTY_LINES).build();

    private final List<String> problems = new ArrayList<>();
    private int problemCount;
    private final java.util.Set<Integer> monthsWithRows = new java.util.HashSet<>();
    /** The currency the rows state, and the first line that stated it; null without a currency column. */
    private String currency;
    private int currencyLine;

    public static Ledger read(Reader csv) {
        return new LedgerReader().parse(withoutByteOrderMark(csv));
    }

    /**
     * A ledger given as rows already split into values (a portfolio job's rows of one company), read exactly as
     * the CSV file of that header and those rows would be: the same checks, and problems on the lines the file
     * would have (a value with a line break in it takes more than one).
     */
    static Ledger read(List<String> header, Iterator<List<String>> rows) {
        LedgerReader reader = new LedgerReader();
        int[] line = {1 + breaks(header)};
        return reader.parse(header, () -> {
            if (!rows.hasNext()) {
                return null;
            }
            List<String> cells = rows.next();
            int first = line[0] + 1;
            line[0] = first + breaks(cells);
            return new Row(first, cells);
        });
    }

    private static int breaks(List<String> cells) {
        int breaks = 0;
        for (String cell : cells) {
            for (int i = 0; cell != null && (i = cell.indexOf('\n', i)) >= 0; i++) {
                breaks++;
            }
        }
        return breaks;
    }

    /** Spreadsheet programs start a UTF-8 export with a byte-order mark; it is not part of the first column's name. */
    private static Reader withoutByteOrderMark(Reader csv) {
        try {
            PushbackReader reader = new PushbackReader(csv, 1);
            int first = reader.read();
            if (first != -1 && first != '\uFEFF') {
                reader.unread(first);
            }
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger", e);
        }
    }

    private Ledger parse(Reader csv) {
        try (JsonParser parser = CSV.createParser(csv)) {
            Row headerRow = row(parser);
            return parse(headerRow == null ? null : headerRow.cells(), () -> row(parser));
        } catch (JacksonException e) {
            throw new InvalidLedgerException(List.of("line " + e.getLocation().getLineNr() + ": not valid CSV: "
                    + e.getOriginalMessage()));
        }
    }

    /** Where the rows after the header come from: the next one, or null after the last. */
    private interface Rows {
        Row next();
    }

    private Ledger parse(List<String> header, Rows source) {
        if (header == null) {
            throw new InvalidLedgerException(List.of("the ledger is empty: expected a header line "
                    + "customer_id,month,mrr and one line per customer per month"));
        }
        Columns columns = columns(header);
        Ledger ledger = rows(source, columns);
        if (problemCount > 0) {
            if (problemCount > MAX_PROBLEMS_SHOWN) {
                problems.add("... and " + (problemCount - MAX_PROBLEMS_SHOWN) + " more");
            }
            throw new InvalidLedgerException(problems);
        }
        return ledger;
    }

    /** Column positions; -1 when absent. */
    private record Columns(int customer, int month, int mrr, int users, int currency, int fx, int[] dimensions,
                           List<String> dimensionNames) {
    }

    private Columns columns(List<String> header) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(java.util.Locale.ROOT);
            if (!KNOWN.contains(name)) {
                throw new InvalidLedgerException(List.of("line 1: unknown column \"" + Echo.value(header.get(i))
                        + "\"; columns are customer_id, month, mrr and optionally users, currency, fx, "
                        + String.join(", ", DIMENSIONS)));
            }
            if (positions.putIfAbsent(name, i) != null) {
                throw new InvalidLedgerException(List.of("line 1: column " + name + " appears twice"));
            }
        }
        List<String> missing = REQUIRED.stream().filter(name -> !positions.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidLedgerException(List.of("line 1: missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (the header must name customer_id, month and mrr)"));
        }
        List<String> dimensionNames = DIMENSIONS.stream().filter(positions::containsKey).toList();
        return new Columns(positions.get("customer_id"), positions.get("month"), positions.get("mrr"),
                positions.getOrDefault("users", -1), positions.getOrDefault("currency", -1),
                positions.getOrDefault("fx", -1), dimensionNames.stream().mapToInt(positions::get).toArray(), dimensionNames);
    }

    private Ledger rows(Rows source, Columns columns) {
        Map<String, Integer> customers = new HashMap<>();
        List<String> customerIds = new ArrayList<>();
        Map<List<String>, Integer> combos = new LinkedHashMap<>();
        Map<Long, Series> series = new HashMap<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        int rows = 0;
        for (Row next = source.next(); next != null; next = source.next()) {
            int line = next.line();
            List<String> row = next.cells();
            rows++;
            String customer = cell(row, columns.customer());
            int month = Months.parse(cell(row, columns.month()));
            double mrr = amount(cell(row, columns.mrr()));
            int users = columns.users() < 0 ? 0 : count(cell(row, columns.users()));
            double fx = columns.fx() < 0 || cell(row, columns.fx()).isEmpty() ? 0 : amount(cell(row, columns.fx()));
            if (!valid(line, customer, month, mrr, users, row, columns) || !sameCurrency(line, row, columns)) {
                continue;
            }
            if (Double.isNaN(fx)) {
                problem(line, "fx must be a number (was \"" + shown(row, columns.fx()) + "\")");
                continue;
            }
            List<String> values = new ArrayList<>(columns.dimensions().length);
            for (int position : columns.dimensions()) {
                String value = cell(row, position);
                values.add(value.isEmpty() ? "(none)" : value);
            }
            int customerIndex = customers.computeIfAbsent(customer, id -> {
                customerIds.add(id);
                return customerIds.size() - 1;
            });
            int combo = combos.computeIfAbsent(values, v -> combos.size());
            series.computeIfAbsent(Ledger.key(customerIndex, combo), k -> new Series()).add(month, mrr, users, fx,
                    line);
            monthsWithRows.add(month);
            first = Math.min(first, month);
            last = Math.max(last, month);
        }
        if (rows == 0) {
            throw new InvalidLedgerException(List.of("the ledger has a header but no rows"));
        }
        checkDuplicates(series, customerIds, columns);
        return new Ledger(columns.dimensionNames(), customerIds, List.copyOf(combos.keySet()), series,
                columns.users() >= 0, columns.fx() >= 0, first, last, currency, java.util.Set.copyOf(monthsWithRows));
    }

    /**
     * A ledger is in one currency: a currency column must hold the same ISO 4217 code on every row, since its amounts
     * are added up as they are.
     */
    private boolean sameCurrency(int line, List<String> row, Columns columns) {
        if (columns.currency() < 0) {
            return true;
        }
        String code = cell(row, columns.currency()).toUpperCase(java.util.Locale.ROOT);
        if (!SnapshotReader.isCurrency(code)) {
            return problem(line, "currency must be an ISO 4217 code such as USD (was \"" + shown(row, columns.currency())
                    + "\")");
        }
        if (currency == null) {
            currency = code;
            currencyLine = line;
        } else if (!currency.equals(code)) {
            return problem(line, "currency " + code + " differs from " + currency + " on line " + currencyLine
                    + ": a ledger is in one currency (convert the amounts, or split the file)");
        }
        return true;
    }

    private boolean valid(int line, String customer, int month, double mrr, int users, List<String> row, Columns columns) {
        boolean ok = true;
        if (customer.isEmpty()) {
            ok = problem(line, "customer_id is empty");
        }
        if (month < 0) {
            ok = problem(line, "month must be YYYY-MM (was \"" + shown(row, columns.month()) + "\")");
        }
        if (Double.isNaN(mrr)) {
            ok = problem(line, "mrr must be a number (was \"" + shown(row, columns.mrr()) + "\")");
        } else if (mrr < 0) {
            ok = problem(line, "mrr must not be negative (was " + cell(row, columns.mrr()) + ")");
        }
        if (users < 0) {
            ok = problem(line, "users must be a whole number, not negative (was \"" + shown(row, columns.users()) + "\")");
        }
        return ok;
    }

    /** Two rows of one customer, month and breakdown values: the ledger does not say which to believe. */
    private void checkDuplicates(Map<Long, Series> series, List<String> customers, Columns columns) {
        for (var entry : series.entrySet()) {
            Series rows = entry.getValue();
            Map<Integer, Integer> lineOfMonth = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                Integer earlier = lineOfMonth.putIfAbsent(rows.month(i), rows.line(i));
                if (earlier != null) {
                    problem(rows.line(i), "duplicate row for customer " + customers.get(Ledger.customerOf(entry.getKey()))
                            + " in " + Months.format(rows.month(i)) + " (also line " + earlier + ")"
                            + (columns.dimensions().length == 0 ? "; add a product or plan column if the rows are for different things" : ""));
                }
            }
        }
        if (problemCount > 0) {
            problems.sort(java.util.Comparator.comparingInt(LedgerReader::lineOf));
        }
    }

    private static int lineOf(String problem) {
        try {
            return Integer.parseInt(problem.substring(5, problem.indexOf(':')));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private boolean problem(int line, String message) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS_SHOWN) {
            problems.add("line " + line + ": " + message);
        }
        return false;
    }

    private static String cell(List<String> row, int position) {
        return position < row.size() && row.get(position) != null ? row.get(position).trim() : "";
    }

    /** A cell quoted in a problem: cut short, so a huge cell does not make a huge message. */
    private static String shown(List<String> row, int position) {
        return Echo.value(cell(row, position));
    }

    private static double amount(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private record Row(int line, List<String> cells) {
    }

    /**
     * The next CSV record with its line, or null at the end. Without a schema the parser gives each record as
     * an array of strings; the line is read at the first cell, where the parser's location is exact.
     */
    private static Row row(JsonParser parser) {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        int line = -1;
        List<String> cells = new ArrayList<>(8);
        for (token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (line < 0) {
                line = (int) parser.currentTokenLocation().getLineNr();
            }
            cells.add(parser.getString() == null ? "" : parser.getString());
        }
        return new Row(line, cells);
    }
}
