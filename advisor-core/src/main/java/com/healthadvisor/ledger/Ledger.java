package com.healthadvisor.ledger;

import java.util.List;
import java.util.Map;

/**
 * A ledger as read: every customer's rows, grouped by customer and combination of breakdown values.
 *
 * @param dimensions the breakdown columns present, in header order
 * @param customers  customer ids by index
 * @param combos     for each combination index, its value in each dimension
 * @param series     rows by key {@code customerIndex << 32 | comboIndex}
 * @param hasUsers   whether the ledger has a users column
 * @param hasFx      whether the ledger has an fx column: MRR converted at each month's rate, the rates' part apart
 * @param currency   the one currency its currency column states, or null without one
 * @param monthsWithRows the months at least one row names
 */
record Ledger(List<String> dimensions, List<String> customers, List<List<String>> combos, Map<Long, Series> series,
              boolean hasUsers, boolean hasFx, int firstMonth, int lastMonth, String currency, java.util.Set<Integer> monthsWithRows) {

    /** The months between the first and the last that no row names: most likely a month missing from the export. */
    List<String> emptyMonths() {
        List<String> empty = new java.util.ArrayList<>();
        for (int month = firstMonth; month <= lastMonth; month++) {
            if (!monthsWithRows.contains(month)) {
                empty.add(Months.format(month));
            }
        }
        return empty;
    }

    static long key(int customer, int combo) {
        return ((long) customer << 32) | combo;
    }

    static int customerOf(long key) {
        return (int) (key >>> 32);
    }

    static int comboOf(long key) {
        return (int) key;
    }
}
