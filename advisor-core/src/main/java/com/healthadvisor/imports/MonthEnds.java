package com.healthadvisor.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a subscription is worth at the end of a month (docs/imports.md): its lines as a month's worth, net of the
 * discounts active then, while it pays. Months are numbered year × 12 + month − 1.
 */
final class MonthEnds {

    private MonthEnds() {
    }

    /**
     * Month's worths already worked out, by amount (its value and scale), interval and count: a ledger's lines
     * repeat the same few month after month, and each is a division to 34 digits (most of writing a large ledger).
     * For one ledger's writing, on one thread.
     */
    static final class Worths {

        private record Key(BigDecimal amount, Interval interval, int count) {
        }

        private final Map<Key, BigDecimal> known = new HashMap<>();

        BigDecimal monthly(Interval interval, BigDecimal amount, int count) {
            return known.computeIfAbsent(new Key(amount, interval, count), key -> interval.monthly(amount, count));
        }
    }

    /** The last second of a month, in epoch seconds (UTC). */
    static long end(int month) {
        return LocalDate.of((month + 1) / 12, (month + 1) % 12 + 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                - 1;
    }

    /** The month an instant falls in. */
    static int monthOf(long epochSecond) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    /** Whether the subscription pays at that instant: started (past its trial), not yet ended. */
    static boolean pays(Subscription subscription, long instant) {
        return !subscription.never() && subscription.paysFrom() <= instant
                && (subscription.paysUntil() == null || instant < subscription.paysUntil());
    }

    /**
     * Its MRR at the end of a month, in its own currency and major units, unrounded; zero when it does not pay then.
     * Each line's amount per interval is discounted first (shares, then amounts off each invoice, never below zero)
     * and made a month's worth last, in one division, so that half a cent stays exact.
     *
     * A licensed line billed for a period that holds the month-end is worth what it was billed then (its price at
     * the time); otherwise what it costs now.
     *
     * @param usage  what metered lines billed, by line key and month
     * @param billed what licensed lines were billed, period by period, by line key
     * @param worths the month's worths worked out before
     */
    static BigDecimal mrr(Subscription subscription, int month, Map<String, Map<Integer, BigDecimal>> usage,
                          Map<String, List<Export.Billed>> billed, Worths worths) {
        long instant = end(month);
        if (!pays(subscription, instant)) {
            return BigDecimal.ZERO;
        }
        BigDecimal share = BigDecimal.ONE;
        BigDecimal amountOff = BigDecimal.ZERO;
        for (Subscription.Discount discount : subscription.discounts()) {
            if (discount.activeAt(instant)) {
                share = discount.percentOff() == null ? share : share.multiply(kept(discount));
                amountOff = discount.amountOff() == null ? amountOff : amountOff.add(discount.amountOff());
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Subscription.Item item : subscription.items()) {
            if (item.metered()) {
                total = total.add(usage.getOrDefault(item.key(), Map.of()).getOrDefault(month, BigDecimal.ZERO));
                continue;
            }
            Export.Billed then = covering(billed.get(item.key()), instant);
            BigDecimal amount = then == null ? item.amount() : then.amount();
            BigDecimal net = discounted(amount, item.discounts(), instant).multiply(share);
            // An amount off the invoice comes off its lines in order, each down to zero at most.
            BigDecimal off = amountOff.min(net);
            amountOff = amountOff.subtract(off);
            total = total.add(then == null ? worths.monthly(item.interval(), net.subtract(off), item.count())
                    : worths.monthly(then.interval(), net.subtract(off), then.count()));
        }
        return total;
    }

    /** The billed period that holds the instant, the latest to start when several do; null when none. */
    private static Export.Billed covering(List<Export.Billed> periods, long instant) {
        if (periods == null) {
            return null;
        }
        Export.Billed found = null;
        for (Export.Billed period : periods) {
            if (period.covers(instant) && (found == null || period.start() > found.start())) {
                found = period;
            }
        }
        return found;
    }

    private static BigDecimal kept(Subscription.Discount discount) {
        return BigDecimal.ONE.subtract(discount.percentOff().movePointLeft(2));
    }

    /** A line's own discounts: shares off first, then amounts off each invoice; never below zero. */
    private static BigDecimal discounted(BigDecimal amount, Iterable<Subscription.Discount> discounts, long instant) {
        BigDecimal net = amount;
        for (Subscription.Discount discount : discounts) {
            if (discount.activeAt(instant) && discount.percentOff() != null) {
                net = net.multiply(kept(discount));
            }
        }
        for (Subscription.Discount discount : discounts) {
            if (discount.activeAt(instant) && discount.amountOff() != null) {
                net = net.subtract(discount.amountOff());
            }
        }
        return net.signum() < 0 ? BigDecimal.ZERO : net;
    }
}
