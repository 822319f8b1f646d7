package com.healthadvisor.imports;

import com.healthadvisor.InvalidImportException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * A billing export turned into the per-customer monthly ledger (docs/imports.md): read whole, refused whole with
 * every problem named, then valued customer by customer at every month-end and written as ledger lines, so that
 * memory holds the subscriptions, never the ledger.
 */
public final class BillingImport {

    /** The billing systems and layouts an import reads. */
    public enum Source {
        STRIPE("stripe"), CHARGEBEE("chargebee"), CSV("csv");

        private final String word;

        Source(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** The source a word names; refused naming the sources. */
        public static Source of(String word) {
            for (Source source : values()) {
                if (source.word.equals(word == null ? "" : word.toLowerCase(Locale.ROOT))) {
                    return source;
                }
            }
            throw new InvalidImportException(List.of("unknown source \"" + word + "\": expected stripe, chargebee or "
                    + "csv"));
        }
    }

    /** One file of an export, named for messages. */
    public record Input(String name, Reader reader) {
    }

    /**
     * @param currency the reporting currency; null for the one currency every subscription is in
     * @param rates    what other currencies are worth in it; null when there are none
     * @param mapping  the columns of a subscription CSV; null for the default layout
     * @param through  the last month, {@code YYYY-MM}; null for the month of the newest date in the export
     * @param ratesByMonth whether other currencies are converted at each month's rate, the movement the rates
     *                 cause written apart (the ledger's fx column); else at one rate each
     */
    public record Options(String currency, Reader rates, Reader mapping, String through, boolean ratesByMonth) {

        public Options(String currency, Reader rates, Reader mapping, String through) {
            this(currency, rates, mapping, through, false);
        }

        public static Options defaults() {
            return new Options(null, null, null, null);
        }
    }

    private final List<Subscription> subscriptions;
    private final Map<String, Map<Integer, BigDecimal>> usage;
    private final Map<String, List<Export.Billed>> billed;
    private final String currency;
    private final Rates rates;
    private final int firstMonth;
    private final int lastMonth;
    /** Each month's {@code YYYY-MM}, from the first: written on every line of the ledger, so made once. */
    private final String[] monthTexts;
    private final boolean ratesByMonth;
    private final List<String> notes;

    private BillingImport(Export export, Rates rates, int firstMonth, int lastMonth, boolean ratesByMonth,
                          List<String> notes) {
        this.subscriptions = export.subscriptions.stream().sorted(Comparator.comparing(Subscription::customer))
                .toList();
        this.usage = export.usage;
        this.billed = export.billed;
        this.currency = rates.reporting();
        this.rates = rates;
        this.firstMonth = firstMonth;
        this.lastMonth = lastMonth;
        this.monthTexts = IntStream.rangeClosed(firstMonth, lastMonth)
                .mapToObj(BillingImport::monthText).toArray(String[]::new);
        this.ratesByMonth = ratesByMonth;
        this.notes = notes;
    }

    /** Reads an export; refused as a whole when any object or line is wrong, or a currency has no rate. */
    public static BillingImport read(Source source, List<Input> inputs, Options options) {
        Export export = new Export();
        CsvMapping mapping = options.mapping() == null ? CsvMapping.DEFAULT : CsvMapping.read(options.mapping());
        for (Input input : inputs) {
            switch (source) {
                case STRIPE -> new StripeReader(export).read(input.reader(), input.name());
                case CSV -> new SubscriptionCsvReader(export, mapping).read(input.reader(), input.name());
                case CHARGEBEE -> chargebee(export, input, options.mapping() == null ? CsvMapping.CHARGEBEE : mapping);
            }
        }
        if (!export.problems.isEmpty()) {
            throw new InvalidImportException(export.problems);
        }
        if (export.subscriptions.isEmpty()) {
            throw new InvalidImportException(List.of("no subscriptions in " + inputs.stream().map(Input::name)
                    .collect(java.util.stream.Collectors.joining(", "))));
        }
        Rates rates = rates(export, options);
        export.subscriptions.stream().flatMap(s -> s.items().stream())
                .filter(item -> item.metered() && !export.usage.containsKey(item.key()))
                .forEach(item -> export.leaveOut("metered lines without invoices, counted as zero (give the "
                        + "invoices beside the subscriptions)"));
        List<String> notes = new ArrayList<>();
        export.leftOut.forEach((what, count) -> notes.add(count + " " + what));
        int last = options.through() != null ? month(options.through()) : MonthEnds.monthOf(export.newest);
        int first = export.subscriptions.stream().filter(s -> !s.never()).mapToInt(s -> MonthEnds.monthOf(s.paysFrom()))
                .min().orElse(last);
        if (last - first + 1 > com.healthadvisor.ledger.LedgerSnapshots.MAX_MONTHS) {
            first = last - com.healthadvisor.ledger.LedgerSnapshots.MAX_MONTHS + 1;
            notes.add("months before " + monthText(first) + " left out: a ledger holds at most "
                    + com.healthadvisor.ledger.LedgerSnapshots.MAX_MONTHS + " months");
        }
        if (options.ratesByMonth()) {
            everyMonthHasARate(export, rates, first);
        }
        return new BillingImport(export, rates, first, Math.max(first, last), options.ratesByMonth(),
                List.copyOf(notes));
    }

    /** At each month's rate, a currency needs one for the first month (a later month takes the newest before it). */
    private static void everyMonthHasARate(Export export, Rates rates, int first) {
        List<String> missing = export.subscriptions.stream().map(Subscription::currency).distinct().sorted()
                .filter(currency -> rates.at(currency, monthText(first)) == null).toList();
        if (!missing.isEmpty()) {
            throw new InvalidImportException(List.of("no rate for " + String.join(", ", missing) + " in "
                    + monthText(first) + " or before, the first month of the export: at each month's rate, the "
                    + "rates file needs one from the start"));
        }
    }

    private static void chargebee(Export export, Input input, CsvMapping mapping) {
        BufferedReader reader = new BufferedReader(input.reader());
        if (startsLikeJson(reader)) {
            new ChargebeeReader(export).read(reader, input.name());
        } else {
            new SubscriptionCsvReader(export, mapping).read(reader, input.name());
        }
    }

    private static boolean startsLikeJson(BufferedReader reader) {
        try {
            reader.mark(4096);
            int c;
            do {
                c = reader.read();
            } while (c == '\uFEFF' || (c != -1 && Character.isWhitespace(c)));
            reader.reset();
            return c == '{' || c == '[';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reporting currency and a rate for every other currency the subscriptions are in, else refused. */
    private static Rates rates(Export export, Options options) {
        TreeSet<String> currencies = new TreeSet<>();
        export.subscriptions.forEach(s -> currencies.add(s.currency()));
        String reporting = Money.code(options.currency());
        if (reporting == null) {
            if (currencies.size() > 1) {
                throw new InvalidImportException(List.of("the subscriptions are in " + String.join(", ", currencies)
                        + ": name the reporting currency (--currency) and give a rates file (--rates)"));
            }
            reporting = currencies.isEmpty() ? "USD" : currencies.first();
        }
        Rates rates = options.rates() == null ? Rates.none(reporting) : Rates.read(options.rates(), reporting);
        List<String> missing = currencies.stream().filter(c -> rates.of(c) == null).toList();
        if (!missing.isEmpty()) {
            throw new InvalidImportException(List.of("no exchange rate into " + reporting + " for "
                    + String.join(", ", missing) + (options.rates() == null ? ": give a rates file (--rates) with "
                    + "lines currency,rate" : " in the rates file")));
        }
        return rates;
    }

    public int subscriptions() {
        return subscriptions.size();
    }

    public String currency() {
        return currency;
    }

    public String firstMonth() {
        return monthText(firstMonth);
    }

    public String lastMonth() {
        return monthText(lastMonth);
    }

    /** What was read but left out of MRR, each with its count: said to the user beside the ledger. */
    public List<String> notes() {
        return notes;
    }

    /**
     * Writes the ledger ({@code customer_id,month,mrr,currency}): one line per customer and month with MRR above
     * zero, customers in order, amounts rounded to the reporting currency's smallest unit.
     *
     * @return the lines written, header left out
     */
    public long writeLedger(Writer out) throws IOException {
        out.write(ratesByMonth ? "customer_id,month,mrr,currency,fx\n" : "customer_id,month,mrr,currency\n");
        long lines = 0;
        int decimals = Money.decimals(currency);
        MonthEnds.Worths worths = new MonthEnds.Worths();
        int from = 0;
        while (from < subscriptions.size()) {
            int to = from;
            String customer = subscriptions.get(from).customer();
            while (to < subscriptions.size() && subscriptions.get(to).customer().equals(customer)) {
                to++;
            }
            lines += writeCustomer(out, customer, subscriptions.subList(from, to), decimals, worths);
            from = to;
        }
        out.flush();
        return lines;
    }

    /**
     * Every month of the ledger as a snapshot, the ledger's way (judgment included), each stored without history.
     *
     * @param maxMonths the months a ledger may span
     */
    public List<com.healthadvisor.snapshot.Snapshot> snapshots(String company, int maxMonths) {
        return throughTheLedger(reader -> com.healthadvisor.ledger.LedgerSnapshots.readAll(reader, company, currency,
                true, maxMonths));
    }

    /** The snapshot of one month ({@code YYYY-MM}; null for the last) with the months before as history. */
    public com.healthadvisor.snapshot.Snapshot snapshot(String company, String period) {
        return throughTheLedger(reader -> com.healthadvisor.ledger.LedgerSnapshots.read(reader, period, company,
                currency, true));
    }

    /**
     * What the ledger's reader makes of this import: the ledger is written to a temporary file, deleted after, so
     * that it is never held whole. Its months are all real: none is missing.
     */
    private <T> T throughTheLedger(java.util.function.Function<Reader, T> read) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("health-advisor-import", ".csv");
            try {
                try (Writer writer = java.nio.file.Files.newBufferedWriter(file)) {
                    writeLedger(writer);
                }
                try (Reader reader = java.nio.file.Files.newBufferedReader(file)) {
                    return read.apply(reader);
                }
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the imported ledger to a temporary file", e);
        }
    }

    private int writeCustomer(Writer out, String customer, List<Subscription> theirs, int decimals,
                              MonthEnds.Worths worths) throws IOException {
        String id = csv(customer);
        int lines = 0;
        BigDecimal[] before = new BigDecimal[theirs.size()];
        for (int month = firstMonth; month <= lastMonth; month++) {
            BigDecimal total = BigDecimal.ZERO;
            // The same month at the month before's rates, for what the rates alone moved (with rates by month).
            BigDecimal atEarlierRates = BigDecimal.ZERO;
            for (int s = 0; s < theirs.size(); s++) {
                Subscription subscription = theirs.get(s);
                BigDecimal mrr = MonthEnds.mrr(subscription, month, usage, billed, worths);
                if (mrr.signum() != 0) {
                    BigDecimal rate = rate(subscription.currency(), month);
                    total = total.add(mrr.multiply(rate));
                    boolean continuing = ratesByMonth && month > firstMonth && before[s] != null
                            && before[s].signum() != 0;
                    atEarlierRates = atEarlierRates.add(mrr.multiply(continuing
                            ? rate(subscription.currency(), month - 1) : rate));
                }
                before[s] = mrr;
            }
            BigDecimal rounded = total.setScale(decimals, RoundingMode.HALF_UP);
            if (rounded.signum() > 0) {
                // Rounded apart, the two would leave a cent of expansion where only the rate moved.
                String fx = ratesByMonth ? "," + rounded.subtract(atEarlierRates.setScale(decimals,
                        RoundingMode.HALF_UP)).toPlainString() : "";
                out.write(id + "," + monthTexts[month - firstMonth] + "," + rounded.toPlainString() + "," + currency
                        + fx + "\n");
                lines++;
            }
        }
        return lines;
    }

    private BigDecimal rate(String currency, int month) {
        return ratesByMonth ? rates.at(currency, monthTexts[month - firstMonth]) : rates.of(currency);
    }

    private static String csv(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || !value.equals(value.strip());
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static int month(String text) {
        if (text == null || !text.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw new InvalidImportException(List.of("through \"" + text + "\" is not a month (YYYY-MM)"));
        }
        return Integer.parseInt(text.substring(0, 4)) * 12 + Integer.parseInt(text.substring(5)) - 1;
    }

    static String monthText(int month) {
        return String.format(Locale.ROOT, "%04d-%02d", month / 12, month % 12 + 1);
    }
}
