package com.healthadvisor.ledger;

import com.healthadvisor.InvalidLedgerException;
import com.healthadvisor.snapshot.Breakdown;
import com.healthadvisor.snapshot.Cohort;
import com.healthadvisor.snapshot.CustomerBridge;
import com.healthadvisor.snapshot.CustomerRevenue;
import com.healthadvisor.snapshot.Figures;
import com.healthadvisor.snapshot.MrrBridge;
import com.healthadvisor.snapshot.Periodicity;
import com.healthadvisor.snapshot.Profile;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;
import com.healthadvisor.snapshot.YearAgoCustomers;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Builds the snapshot of one month from a ledger: the current bridges, every earlier month as history,
 * cohorts by first paid month, one breakdown per value of each breakdown column, and customer revenue.
 */
public final class LedgerSnapshots {

    static final int MAX_CUSTOMERS = 10_000;
    static final int MAX_AGES = 240;

    private final Ledger ledger;
    private final int firstMonth;
    private final int months;

    private LedgerSnapshots(Ledger ledger, int period) {
        this.ledger = ledger;
        this.firstMonth = ledger.firstMonth();
        this.months = period - firstMonth + 1;
    }

    /**
     * A ledger without empty months.
     *
     * @param period   {@code YYYY-MM}, or null for the ledger's last month
     * @param currency the currency its amounts are in; null for the one its currency column states, else USD
     */
    /** The months one ledger may span, twenty years of monthly figures: more is a mistake or an attack. */
    public static final int MAX_MONTHS = 240;

    /** The columns a ledger may have, by their names as the reader compares them (trimmed, lower case). */
    public static Set<String> columns() {
        return LedgerReader.KNOWN;
    }

    public static Snapshot read(Reader csv, String period, String company, String currency) {
        return read(csv, period, company, currency, false);
    }

    /**
     * @param allowEmptyMonths whether a month with no rows between the first and the last is real (every customer
     *                         paused) rather than a month missing from the export, which is refused by default
     */
    public static Snapshot read(Reader csv, String period, String company, String currency, boolean allowEmptyMonths) {
        return snapshotOf(LedgerReader.read(csv), period, company, currency, allowEmptyMonths);
    }

    /**
     * The same from rows already split into values, read as the CSV file of that header and those rows would be
     * (a portfolio job hands each company's rows over without writing them out as text first).
     */
    public static Snapshot read(List<String> header, Iterator<List<String>> rows, String period, String company,
                                String currency) {
        return snapshotOf(LedgerReader.read(header, rows), period, company, currency, false);
    }

    private static Snapshot snapshotOf(Ledger read, String period, String company, String currency,
                                       boolean allowEmptyMonths) {
        Ledger ledger = complete(read, allowEmptyMonths, MAX_MONTHS);
        int month = period == null ? ledger.lastMonth() : Months.parse(period);
        if (month < 0) {
            throw new InvalidLedgerException(List.of("period must be YYYY-MM (was \"" + period + "\")"));
        }
        if (month < ledger.firstMonth() || month > ledger.lastMonth()) {
            throw new InvalidLedgerException(List.of("period " + period + " is outside the ledger, which runs from "
                    + Months.format(ledger.firstMonth()) + " to " + Months.format(ledger.lastMonth())));
        }
        return new LedgerSnapshots(ledger, month).snapshot(company, currencyOf(ledger, currency));
    }

    /**
     * Every month of a ledger as its own snapshot, oldest first, each without history (the months before it are
     * the other snapshots): what a company's memory stores from one upload. The ledger is read once.
     */
    public static List<Snapshot> readAll(Reader csv, String company, String currency, boolean allowEmptyMonths) {
        return readAll(csv, company, currency, allowEmptyMonths, MAX_MONTHS);
    }

    /** The same, with a bound on the months a ledger may span ({@code advisor.max-ledger-months} in the service). */
    public static List<Snapshot> readAll(Reader csv, String company, String currency, boolean allowEmptyMonths,
                                         int maxMonths) {
        Ledger ledger = complete(LedgerReader.read(csv), allowEmptyMonths, maxMonths);
        LedgerSnapshots all = new LedgerSnapshots(ledger, ledger.lastMonth());
        String chosen = currencyOf(ledger, currency);
        Slices slices = all.slices();
        // Each month only reads the slices: they are written on every core (two thirds of a large ledger's read).
        return IntStream.range(0, all.months).parallel()
                .mapToObj(m -> all.snapshotAt(m, slices, company, chosen, false)).toList();
    }

    private static Ledger complete(Ledger ledger, boolean allowEmptyMonths, int maxMonths) {
        int span = ledger.lastMonth() - ledger.firstMonth() + 1;
        if (span > maxMonths) {
            throw new InvalidLedgerException(List.of("the ledger runs from " + Months.format(ledger.firstMonth())
                    + " to " + Months.format(ledger.lastMonth()) + ", " + span + " months: at most " + maxMonths
                    + " are read at once; split it by period"));
        }
        List<String> empty = ledger.emptyMonths();
        if (!allowEmptyMonths && !empty.isEmpty()) {
            throw new InvalidLedgerException(empty.stream().map(month -> month + " has no rows: a missing export "
                    + "month reads as every customer churning; pass --allow-empty-months (allow_empty_months=true "
                    + "over HTTP) if it is real").toList());
        }
        return ledger;
    }

    private static String currencyOf(Ledger ledger, String currency) {
        if (currency != null && !SnapshotReader.isCurrency(currency)) {
            throw new InvalidLedgerException(List.of("unknown ISO 4217 currency \"" + currency + "\""));
        }
        if (currency != null && ledger.currency() != null && !currency.equals(ledger.currency())) {
            throw new InvalidLedgerException(List.of("the ledger's currency column says " + ledger.currency()
                    + ", but " + currency + " was asked for: its amounts are not converted"));
        }
        return currency != null ? currency : ledger.currency() != null ? ledger.currency() : "USD";
    }

    private Snapshot snapshot(String company, String currency) {
        return snapshotAt(months - 1, slices(), company, currency, true);
    }

    /** The company and each slice of each breakdown column, over every month this reads. */
    private record Slices(Slice all, Map<String, Map<String, Slice>> byDimension) {
    }

    private Slices slices() {
        Slice all = new Slice();
        Map<String, Map<String, Slice>> byDimension = new LinkedHashMap<>();
        ledger.dimensions().forEach(d -> byDimension.put(d, new LinkedHashMap<>()));
        for (var entry : ledger.series().entrySet()) {
            int customer = Ledger.customerOf(entry.getKey());
            List<String> values = ledger.combos().get(Ledger.comboOf(entry.getKey()));
            List<Slice> slices = new ArrayList<>(List.of(all));
            for (int d = 0; d < ledger.dimensions().size(); d++) {
                slices.add(byDimension.get(ledger.dimensions().get(d)).computeIfAbsent(values.get(d), v -> new Slice()));
            }
            Series rows = entry.getValue();
            for (int i = 0; i < rows.size(); i++) {
                int m = rows.month(i) - firstMonth;
                if (m < months) {
                    for (Slice slice : slices) {
                        slice.add(customer, m, rows.mrr(i), rows.users(i), rows.fx(i));
                    }
                }
            }
        }
        return new Slices(all, byDimension);
    }

    /** The snapshot of month {@code last} (counted from the ledger's first), with the months before as history or not. */
    private Snapshot snapshotAt(int last, Slices slices, String company, String currency, boolean withHistory) {
        List<Figures> history = new ArrayList<>();
        for (int m = 0; withHistory && m < last; m++) {
            history.add(slices.all().figures(Months.format(firstMonth + m), m, false));
        }
        List<Breakdown> breakdowns = new ArrayList<>();
        // A value first seen after this period (a product launched later) is not a slice of it.
        slices.byDimension().forEach((dimension, byName) -> byName.forEach((name, slice) -> {
            if (slice.firstSeen <= last) {
                breakdowns.add(new Breakdown(dimension, name, slice.figures(null, last, true)));
            }
        }));
        String period = Months.format(firstMonth + last);
        return new Snapshot(company, period, Periodicity.MONTHLY, currency, Profile.NONE,
                slices.all().figures(period, last, true), Map.of(), history, cohorts(slices.all(), last),
                breakdowns, customerRevenue(slices.all(), last));
    }

    /** Monthly MRR per customer, and users per month, of one slice of the ledger (or all of it). */
    private final class Slice {
        private final Map<Integer, double[]> byCustomer = new HashMap<>();
        /** The exchange rates' part of each customer's monthly change, with an fx column; else empty. */
        private final Map<Integer, double[]> fxByCustomer = new HashMap<>();
        private final long[] users = new long[months];
        /** The first month with a row of this slice. */
        private int firstSeen = Integer.MAX_VALUE;

        void add(int customer, int month, double mrr, int userCount, double fx) {
            byCustomer.computeIfAbsent(customer, c -> new double[months])[month] += mrr;
            if (fx != 0) {
                fxByCustomer.computeIfAbsent(customer, c -> new double[months])[month] += fx;
            }
            users[month] += userCount;
            firstSeen = Math.min(firstSeen, month);
        }

        /** @param own whether these are the snapshot's own figures, rather than a history entry's */
        Figures figures(String period, int month, boolean own) {
            Movements.Month bridges = month == 0 ? firstMonth(Movements.of(byCustomer, fxByCustomer, month))
                    : Movements.of(byCustomer, fxByCustomer, month);
            // Only the snapshot's own month: history entries are read for their bridges alone.
            YearAgoCustomers yearAgo = own ? yearAgo(month) : null;
            return new Figures(period, bridges.mrr(), bridges.customers(),
                    ledger.hasUsers() ? (double) users[month] : null, null, Map.of(), yearAgo);
        }

        /**
         * The ledger's first month: what it ends with is known, but not what it started with, so none of its
         * customers is read as won in that month (a sales record it is not).
         */
        private static Movements.Month firstMonth(Movements.Month read) {
            return new Movements.Month(new MrrBridge(null, null, null, null, null, null, read.mrr().ending()),
                    new CustomerBridge(null, null, null, null, read.customers().ending()));
        }

        /** The exchange rates' part of a customer's changes over the twelve months to this one. */
        private double movedByRates(int customer, int month) {
            double[] rates = fxByCustomer.get(customer);
            double moved = 0;
            for (int m = month - 11; rates != null && m <= month; m++) {
                moved += rates[m];
            }
            return moved;
        }

        /** The customers who paid twelve months before this month, followed to it; null with under 13 months. */
        private YearAgoCustomers yearAgo(int month) {
            if (month < 12) {
                return null;
            }
            double then = 0, now = 0, capped = 0;
            for (var customer : byCustomer.entrySet()) {
                double[] values = customer.getValue();
                double paid = values[month - 12];
                if (paid > 0) {
                    // What the year's exchange rates moved is neither kept nor lost by the customer.
                    double today = Math.max(0, values[month] - movedByRates(customer.getKey(), month));
                    then += paid;
                    now += today;
                    capped += Math.min(paid, today);
                }
            }
            return new YearAgoCustomers(Movements.cents(then), Movements.cents(now), Movements.cents(capped));
        }
    }

    /**
     * Customers by first paid month; a customer who comes back counts as retained at that age. Those paying in the
     * ledger's first month are the pre-existing base, of every age, not a cohort (judgment.md P16): left out.
     */
    private List<Cohort> cohorts(Slice all, int last) {
        int months = last + 1;
        Map<Integer, List<double[]>> byFirstMonth = new java.util.TreeMap<>();
        for (double[] values : all.byCustomer.values()) {
            for (int m = 0; m < months; m++) {
                if (values[m] > 0) {
                    byFirstMonth.computeIfAbsent(m, k -> new ArrayList<>()).add(values);
                    break;
                }
            }
        }
        List<Cohort> cohorts = new ArrayList<>();
        byFirstMonth.remove(0);
        byFirstMonth.forEach((first, members) -> {
            int ages = Math.min(months - first, MAX_AGES);
            List<Double> logo = new ArrayList<>(ages);
            List<Double> revenue = new ArrayList<>(ages);
            double startingMrr = members.stream().mapToDouble(values -> values[first]).sum();
            for (int age = 0; age < ages; age++) {
                final int month = first + age;
                long retained = members.stream().filter(values -> values[month] > 0).count();
                double mrr = members.stream().mapToDouble(values -> values[month]).sum();
                logo.add(ratio(retained, members.size()));
                revenue.add(ratio(mrr, startingMrr));
            }
            cohorts.add(new Cohort(Months.format(firstMonth + first), (double) members.size(), logo, revenue));
        });
        return cohorts;
    }

    private static double ratio(double part, double whole) {
        return whole == 0 ? 0 : Math.round(part / whole * 1e6) / 1e6;
    }

    private List<CustomerRevenue> customerRevenue(Slice all, int last) {
        // Ordered on the amount as shown, to the cent, so that two customers shown alike are ordered by id. Each
        // amount is rounded once, before the sort: rounding in the comparator cost most of a large ledger's read.
        return all.byCustomer.entrySet().stream()
                .filter(e -> e.getValue()[last] > 0)
                .map(e -> new CustomerRevenue(ledger.customers().get(e.getKey()), Movements.cents(e.getValue()[last])))
                .sorted(Comparator.comparingDouble(CustomerRevenue::mrr).reversed()
                        .thenComparing(CustomerRevenue::customer))
                .limit(MAX_CUSTOMERS)
                .toList();
    }

}
