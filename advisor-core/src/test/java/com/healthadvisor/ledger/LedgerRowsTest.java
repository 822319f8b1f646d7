package com.healthadvisor.ledger;

import com.healthadvisor.InvalidLedgerException;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger handed over as rows of values (a portfolio job's way) is read exactly as the CSV file of those rows:
 * the same snapshot, or the same problems on the same lines. Checked on generated ledgers with the awkward parts
 * a real export has: quotes, commas and line breaks in values, bad amounts, empty ids, duplicates, unknown columns.
 */
class LedgerRowsTest {

    private static final String[] PRODUCTS = {"Core", "Pro \"Plus\"", "Ends, with\\", "Two\nlines", ""};

    @Test
    void rowsReadAsTheirCsvFileOnGeneratedLedgers() {
        Random random = new Random(20261206);
        int refused = 0;
        for (int ledger = 0; ledger < 400; ledger++) {
            List<String> header = header(random);
            List<List<String>> rows = rows(random, header);
            String csv = csv(header, rows);

            String fromCsv = outcome(() -> LedgerSnapshots.read(new StringReader(csv), null, "Acme", null));
            assertThat(outcome(() -> LedgerSnapshots.read(header, rows.iterator(), null, "Acme", null)))
                    .as("ledger %d:%n%s", ledger, csv).isEqualTo(fromCsv);
            refused += fromCsv.startsWith("refused") ? 1 : 0;
        }
        assertThat(refused).as("ledgers refused, of 400: both kinds are compared").isBetween(50, 350);
    }

    @Test
    void aProblemIsOnTheLineTheFileWouldHave() {
        List<String> header = List.of("customer_id", "month", "mrr", "product");
        List<List<String>> rows = List.of(List.of("a", "2024-01", "10", "Two\nlines"), List.of("b", "2024-01", "x", ""));

        assertThat(outcome(() -> LedgerSnapshots.read(header, rows.iterator(), null, null, null)))
                .isEqualTo("refused: [line 4: mrr must be a number (was \"x\")]");
    }

    private static List<String> header(Random random) {
        List<String> header = new ArrayList<>(List.of("customer_id", "month", "mrr"));
        if (random.nextBoolean()) {
            header.add("product");
        }
        if (random.nextInt(4) == 0) {
            header.add("users");
        }
        if (random.nextInt(30) == 0) {
            header.add("notes");
        }
        if (random.nextInt(30) == 0) {
            header.remove("mrr");
        }
        return header;
    }

    private static List<List<String>> rows(Random random, List<String> header) {
        List<List<String>> rows = new ArrayList<>();
        int customers = 1 + random.nextInt(12);
        int months = 1 + random.nextInt(15);
        for (int c = 0; c < customers; c++) {
            int start = random.nextInt(months);
            int end = start + random.nextInt(months - start);
            for (int m = start; m <= end; m++) {
                List<String> row = new ArrayList<>();
                for (String column : header) {
                    row.add(value(random, column, c, m));
                }
                rows.add(row);
                if (random.nextInt(200) == 0) {
                    rows.add(new ArrayList<>(row));
                }
            }
        }
        return rows;
    }

    private static String value(Random random, String column, int customer, int month) {
        boolean odd = random.nextInt(150) == 0;
        return switch (column) {
            case "customer_id" -> odd ? "" : "c\"" + customer + (customer % 3 == 0 ? ",x" : "");
            case "month" -> odd ? "2024-13" : String.format("%d-%02d", 2023 + month / 12, month % 12 + 1);
            case "mrr" -> odd ? (random.nextBoolean() ? "-5" : "n/a") : String.valueOf(random.nextInt(900) + 0.25);
            case "product" -> PRODUCTS[random.nextInt(PRODUCTS.length)];
            case "users" -> odd ? "2.5" : String.valueOf(random.nextInt(40));
            default -> "note " + random.nextInt(9);
        };
    }

    /** RFC 4180, as a spreadsheet writes it. */
    private static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        line(text, header);
        rows.forEach(row -> line(text, row));
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n");
            text.append(i > 0 ? "," : "").append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        text.append('\n');
    }

    private static String outcome(java.util.function.Supplier<Object> read) {
        try {
            return "read: " + read.get();
        } catch (InvalidLedgerException e) {
            return "refused: " + e.problems();
        }
    }
}
