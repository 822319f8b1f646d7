package com.healthadvisor.imports;

import tools.jackson.databind.JsonNode;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stripe's subscriptions (and, for metered prices, its invoices) as its API returns them: a list object, an array,
 * or one object per line ({@code stripe subscriptions list --status all}). The rules are docs/imports.md's.
 */
final class StripeReader {

    /** Never paid: created without a successful first payment. */
    private static final Set<String> NEVER_PAID = Set.of("incomplete", "incomplete_expired");
    /** No longer paying though not ended: counted until the start of their current period. */
    private static final Set<String> NOT_PAYING = Set.of("unpaid", "paused");

    private final Export export;

    StripeReader(Export export) {
        this.export = export;
    }

    void read(Reader json, String name) {
        JsonObjects.read(json, name, this::object);
    }

    private void object(JsonNode object) {
        String type = object.path("object").asString("");
        String id = object.path("id").asString("?");
        try {
            switch (type) {
                case "subscription" -> export.subscriptions.add(subscription(object, id));
                case "invoice" -> invoice(object);
                default -> export.problems.add("a Stripe " + (type.isEmpty() ? "object without \"object\"" : type)
                        + " (" + id + "): expected subscriptions, and invoices for metered prices");
            }
        } catch (Refused e) {
            export.problems.add("Stripe subscription " + id + ": " + e.getMessage());
        }
    }

    private Subscription subscription(JsonNode sub, String id) {
        String customer = text(sub.path("customer").isObject() ? sub.path("customer").path("id") : sub.path("customer"));
        String currency = Money.code(text(sub.path("currency")));
        if (customer == null || currency == null) {
            throw new Refused(customer == null ? "no customer" : "no currency");
        }
        String status = sub.path("status").asString("");
        Long start = time(sub, "start_date");
        start = start == null ? time(sub, "created") : start;
        if (start == null) {
            throw new Refused("no start_date");
        }
        Long trialEnd = time(sub, "trial_end");
        long paysFrom = trialEnd != null && trialEnd > start ? trialEnd : start;
        List<Subscription.Item> items = new ArrayList<>();
        for (JsonNode item : sub.path("items").path("data")) {
            items.add(item(item, currency));
        }
        if (items.isEmpty()) {
            throw new Refused("no items (export the subscription with its items)");
        }
        if (sub.path("items").path("has_more").asBoolean(false)) {
            // Stripe lists the first ten items in a subscription; valuing the rest at nothing would be wrong.
            throw new Refused("lists only " + items.size() + " of its items (has_more): list its items "
                    + "(stripe subscription_items list --subscription " + sub.path("id").asString("?")
                    + ") and export it with all of them");
        }
        Long until = until(sub, status, items);
        // What has happened, never what is scheduled (a cancel_at ahead): the export's "now" is its newest event.
        export.saw(start);
        export.saw(time(sub, "ended_at"));
        export.saw(time(sub, "canceled_at"));
        export.saw(time(sub, "current_period_start"));
        export.saw(time(sub, "created"));
        return new Subscription(customer, currency, paysFrom, until,
                NEVER_PAID.contains(status), items, discounts(sub, currency));
    }

    /**
     * When it stops paying: when it ended, else when it is set to cancel; an unpaid or paused one (or one whose
     * collection is paused) since the start of its current period, the one it did not pay for.
     */
    private Long until(JsonNode sub, String status, List<Subscription.Item> items) {
        Long ended = time(sub, "ended_at");
        if (ended != null) {
            return ended;
        }
        if (status.equals("canceled")) {
            Long canceled = time(sub, "canceled_at");
            if (canceled != null) {
                return canceled;
            }
        }
        if (NOT_PAYING.contains(status) || sub.path("pause_collection").isObject()) {
            Long period = time(sub, "current_period_start");
            period = period == null ? firstItemTime(sub, "current_period_start") : period;
            if (period != null) {
                return period;
            }
        }
        Long cancelAt = time(sub, "cancel_at");
        if (cancelAt == null && sub.path("cancel_at_period_end").asBoolean(false)) {
            // Older API versions say only that it ends with its current period.
            Long periodEnd = time(sub, "current_period_end");
            return periodEnd != null ? periodEnd : firstItemTime(sub, "current_period_end");
        }
        return cancelAt;
    }

    /** A time the newer API keeps on each item (its current period), from the first item that has it. */
    private static Long firstItemTime(JsonNode sub, String field) {
        for (JsonNode item : sub.path("items").path("data")) {
            Long time = time(item, field);
            if (time != null) {
                return time;
            }
        }
        return null;
    }

    private Subscription.Item item(JsonNode item, String currency) {
        JsonNode price = item.path("price").isObject() ? item.path("price") : item.path("plan");
        String priceId = price.path("id").asString("?");
        JsonNode recurring = price.path("recurring").isObject() ? price.path("recurring") : price;
        Interval interval = Interval.of(text(recurring.path("interval")));
        int count = recurring.path("interval_count").asInt(1);
        if (interval == null || count < 1) {
            throw new Refused("price " + priceId + " is not recurring (interval "
                    + text(recurring.path("interval")) + ", interval_count " + count + ")");
        }
        boolean metered = "metered".equals(text(recurring.path("usage_type")));
        long quantity = item.path("quantity").asLong(1);
        BigDecimal amount = metered ? BigDecimal.ZERO : Money.fromMinor(amount(price, billed(price, quantity)),
                currency);
        return new Subscription.Item(item.path("id").asString(priceId), amount, interval, count, metered,
                discounts(item, currency));
    }

    /** The quantity a price bills: divided and rounded as its transform_quantity says. */
    private static long billed(JsonNode price, long quantity) {
        JsonNode transform = price.path("transform_quantity");
        if (!transform.isObject() || transform.path("divide_by").asLong(0) <= 0) {
            return quantity;
        }
        BigDecimal divided = BigDecimal.valueOf(quantity).divide(BigDecimal.valueOf(transform.path("divide_by")
                .asLong()), 0, "up".equals(text(transform.path("round"))) ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return divided.longValue();
    }

    /** A price's amount for a quantity, in the smallest unit: per unit, or by its tiers (volume or graduated). */
    private static BigDecimal amount(JsonNode price, long quantity) {
        if ("tiered".equals(text(price.path("billing_scheme")))) {
            return Tiers.amount(price, quantity);
        }
        BigDecimal unit = decimal(price, "unit_amount_decimal", "unit_amount");
        unit = unit == null ? decimal(price, "amount_decimal", "amount") : unit;
        if (unit == null) {
            throw new Refused("price " + price.path("id").asString("?") + " has no unit_amount");
        }
        return unit.multiply(BigDecimal.valueOf(quantity));
    }

    /** The discounts on a subscription or an item: the old single {@code discount} and the newer {@code discounts}. */
    private List<Subscription.Discount> discounts(JsonNode owner, String currency) {
        List<Subscription.Discount> discounts = new ArrayList<>();
        if (owner.path("discount").isObject()) {
            addDiscount(discounts, owner.path("discount"), currency);
        }
        for (JsonNode discount : owner.path("discounts")) {
            if (discount.isObject()) {
                addDiscount(discounts, discount, currency);
            } else {
                export.leaveOut("discounts given by id, not as objects (export with --expand data.discounts): MRR "
                        + "is before them");
            }
        }
        return discounts;
    }

    /**
     * A coupon while it lasts: forever, or repeating for its months; a coupon for one invoice ({@code once}) is a
     * one-off price cut, not a change of recurring revenue, and leaves MRR as it is.
     */
    private void addDiscount(List<Subscription.Discount> discounts, JsonNode discount, String currency) {
        JsonNode coupon = discount.path("coupon").isObject() ? discount.path("coupon")
                : discount.path("source").path("coupon");
        if (!coupon.isObject()) {
            export.leaveOut("discounts whose coupon is an id, not the object: MRR is before them");
            return;
        }
        String duration = text(coupon.path("duration"));
        if ("once".equals(duration)) {
            export.leaveOut("one-off (once) coupons, which leave MRR as it is");
            return;
        }
        Long start = time(discount, "start");
        if (start == null) {
            throw new Refused("discount " + discount.path("id").asString("?") + " has no start");
        }
        Long end = time(discount, "end");
        if (end == null && "repeating".equals(duration)) {
            end = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC)
                    .plusMonths(coupon.path("duration_in_months").asInt(0)).toEpochSecond();
        }
        BigDecimal percent = decimal(coupon, "percent_off", null);
        BigDecimal amountOff = decimal(coupon, "amount_off", null);
        if (amountOff != null) {
            String couponCurrency = Money.code(text(coupon.path("currency")));
            amountOff = Money.fromMinor(amountOff, couponCurrency == null ? currency : couponCurrency);
        }
        discounts.add(new Subscription.Discount(percent, amountOff, start, end));
    }

    /**
     * An invoice's subscription lines: a metered line bills the month its usage period ends in; a licensed one
     * says what its price was for its period, so that an upgrade shows when it was billed, not back to the start.
     * Prorations (the credit and charge of a change mid-period) are left to the next full period's line.
     */
    private void invoice(JsonNode invoice) {
        String currency = Money.code(text(invoice.path("currency")));
        export.saw(time(invoice, "created"));
        for (JsonNode line : invoice.path("lines").path("data")) {
            JsonNode details = line.path("parent").path("subscription_item_details");
            String item = text(line.path("subscription_item"));
            item = item != null ? item : text(details.path("subscription_item"));
            Long periodStart = time(line.path("period"), "start");
            Long periodEnd = time(line.path("period"), "end");
            BigDecimal amount = decimal(line, "amount", null);
            if (item == null || periodStart == null || periodEnd == null || amount == null || currency == null
                    || periodEnd <= periodStart) {
                continue;
            }
            BigDecimal major = Money.fromMinor(amount, currency);
            export.billed(item, MonthEnds.monthOf(periodEnd - 1), major);
            if (!line.path("proration").asBoolean(false) && !details.path("proration").asBoolean(false)) {
                export.billed(item, billedPeriod(line, periodStart, periodEnd, major));
            }
        }
    }

    /** A line's period as so many intervals: its price's when the line carries it, else read off its dates. */
    private static Export.Billed billedPeriod(JsonNode line, long start, long end, BigDecimal amount) {
        JsonNode price = line.path("price").isObject() ? line.path("price") : line.path("plan");
        JsonNode recurring = price.path("recurring").isObject() ? price.path("recurring") : price;
        Interval interval = Interval.of(text(recurring.path("interval")));
        if (interval != null) {
            return new Export.Billed(start, end, amount, interval, recurring.path("interval_count").asInt(1));
        }
        var from = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC);
        var to = Instant.ofEpochSecond(end).atZone(ZoneOffset.UTC);
        long days = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(from, to));
        // Whole months, as billing anchored on a late day counts them: 31 January to 28 February is one, and 28
        // February to 31 March another.
        long months = Math.round(days / 30.436875);
        if (months > 0 && (from.plusMonths(months).equals(to) || to.minusMonths(months).equals(from))) {
            return new Export.Billed(start, end, amount, Interval.MONTH, (int) months);
        }
        return days % 7 == 0 ? new Export.Billed(start, end, amount, Interval.WEEK, (int) (days / 7))
                : new Export.Billed(start, end, amount, Interval.DAY, (int) days);
    }

    static Long time(JsonNode owner, String field) {
        JsonNode value = owner.path(field);
        return value.isNumber() ? Long.valueOf(value.asLong()) : null;
    }

    static String text(JsonNode value) {
        return value.isString() ? value.stringValue() : null;
    }

    /** A decimal field, else an integer one, as a number; null when neither is there. */
    static BigDecimal decimal(JsonNode owner, String decimalField, String integerField) {
        JsonNode value = owner.path(decimalField);
        if (value.isString()) {
            try {
                return new BigDecimal(value.stringValue());
            } catch (NumberFormatException e) {
                throw new Refused(decimalField + " \"" + value.stringValue() + "\" is not a number");
            }
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return integerField == null ? null : decimal(owner, integerField, null);
    }
}
