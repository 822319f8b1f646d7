package com.healthadvisor.imports;

import java.math.BigDecimal;
import java.util.List;

/**
 * One subscription as every export reads into it. Times are epoch seconds (UTC); amounts are in the currency's
 * major units (dollars, not cents), per billing interval.
 *
 * @param paysFrom  when it starts paying: its start, or the end of its trial
 * @param paysUntil when it stops paying (ended, cancelled at the end of its term, unpaid, paused); null while it
 *                  pays on
 * @param never     whether it never paid (incomplete, expired before its first payment): counted nowhere
 */
record Subscription(String customer, String currency, long paysFrom, Long paysUntil,
                    boolean never, List<Item> items, List<Discount> discounts) {

    Subscription {
        items = List.copyOf(items);
        discounts = List.copyOf(discounts);
    }

    /**
     * One priced line of a subscription.
     *
     * @param amount   what it bills each {@code count} intervals, quantity and tiers included, before discounts
     * @param metered  a usage line, billed in arrears: its month is what its invoices bill (amount unused)
     * @param key      the line's id in its export (a subscription item), to match invoices with
     */
    record Item(String key, BigDecimal amount, Interval interval, int count, boolean metered,
                List<Discount> discounts) {

        Item {
            discounts = List.copyOf(discounts);
        }
    }

    /**
     * A discount while it lasts ({@code from} inclusive, {@code until} exclusive; null: for good): a share off, or an
     * amount off each invoice of the line or subscription it applies to.
     */
    record Discount(BigDecimal percentOff, BigDecimal amountOff, long from, Long until) {

        boolean activeAt(long instant) {
            return from <= instant && (until == null || instant < until);
        }
    }
}
