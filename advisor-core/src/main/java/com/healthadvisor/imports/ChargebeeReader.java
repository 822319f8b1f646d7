package com.healthadvisor.imports;

import tools.jackson.databind.JsonNode;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.healthadvisor.imports.StripeReader.decimal;
import static com.healthadvisor.imports.StripeReader.text;
import static com.healthadvisor.imports.StripeReader.time;

/**
 * Chargebee's subscriptions as its API lists them ({@code {"list": [{"subscription": {...}, "customer": {...}}],
 * "next_offset": ...}}, or one such entry or subscription per line), with the rules of Stripe's: plan and add-on
 * lines (Product Catalog 2.0's {@code subscription_items}, or 1.0's {@code plan_*} and {@code addons}), one-off
 * charges left out, discounts with their duration.
 */
final class ChargebeeReader {

    private final Export export;

    ChargebeeReader(Export export) {
        this.export = export;
    }

    void read(Reader json, String name) {
        JsonObjects.read(json, name, this::entry);
    }

    private void entry(JsonNode entry) {
        JsonNode sub = entry.path("subscription").isObject() ? entry.path("subscription") : entry;
        String id = sub.path("id").asString("?");
        if (!sub.path("status").isString()) {
            export.problems.add("Chargebee entry " + id + ": expected a subscription (with id and status)");
            return;
        }
        try {
            export.subscriptions.add(subscription(sub, id));
        } catch (Refused e) {
            export.problems.add("Chargebee subscription " + id + ": " + e.getMessage());
        }
    }

    private Subscription subscription(JsonNode sub, String id) {
        String customer = text(sub.path("customer_id"));
        String currency = Money.code(text(sub.path("currency_code")));
        Long start = time(sub, "started_at");
        start = start == null ? time(sub, "activated_at") : start;
        start = start == null ? time(sub, "created_at") : start;
        if (customer == null || currency == null || start == null) {
            throw new Refused(customer == null ? "no customer_id" : currency == null ? "no currency_code"
                    : "no started_at");
        }
        String status = sub.path("status").asString();
        Long trialEnd = time(sub, "trial_end");
        long paysFrom = trialEnd != null && trialEnd > start ? trialEnd : start;
        Long until = switch (status) {
            case "cancelled", "non_renewing" -> first(time(sub, "cancelled_at"), time(sub, "current_term_end"));
            case "paused" -> first(time(sub, "pause_date"), time(sub, "current_term_start"));
            default -> null;
        };
        List<Subscription.Item> items = items(sub, currency);
        if (items.isEmpty()) {
            throw new Refused("no recurring plan or add-on");
        }
        // What has happened, never what is scheduled (a non-renewing term's end).
        export.saw(start);
        export.saw(status.equals("cancelled") ? until : null);
        export.saw(time(sub, "current_term_start"));
        export.saw(time(sub, "updated_at"));
        return new Subscription(customer, currency, paysFrom, until,
                status.equals("future"), items, discounts(sub, currency));
    }

    private static Long first(Long a, Long b) {
        return a != null ? a : b;
    }

    private List<Subscription.Item> items(JsonNode sub, String currency) {
        Interval subscriptionInterval = Interval.of(text(sub.path("billing_period_unit")));
        int subscriptionCount = sub.path("billing_period").asInt(1);
        List<Subscription.Item> items = new ArrayList<>();
        for (JsonNode item : sub.path("subscription_items")) {
            if ("charge".equals(text(item.path("item_type")))) {
                export.leaveOut("one-off charges, which are not recurring revenue");
                continue;
            }
            Interval interval = item.path("billing_period_unit").isString()
                    ? Interval.of(text(item.path("billing_period_unit"))) : subscriptionInterval;
            int count = item.path("billing_period").asInt(subscriptionCount);
            items.add(item(item.path("item_price_id").asString("?"), item, interval, count, currency));
        }
        if (sub.path("plan_id").isString()) {
            items.add(new Subscription.Item(text(sub.path("plan_id")), planAmount(sub, "plan_", currency),
                    required(subscriptionInterval, sub), subscriptionCount, false, List.of()));
        }
        for (JsonNode addon : sub.path("addons")) {
            items.add(item(addon.path("id").asString("?"), addon, subscriptionInterval, subscriptionCount, currency));
        }
        return items;
    }

    private static Subscription.Item item(String key, JsonNode item, Interval interval, int count, String currency) {
        return new Subscription.Item(key, planAmount(item, "", currency), required(interval, item), count, false,
                List.of());
    }

    private static Interval required(Interval interval, JsonNode owner) {
        if (interval == null) {
            throw new Refused("billing_period_unit \"" + text(owner.path("billing_period_unit"))
                    + "\" is not day, week, month or year");
        }
        return interval;
    }

    /** A line's amount per billing period, in major units: its amount, else unit price × quantity. */
    private static BigDecimal planAmount(JsonNode owner, String prefix, String currency) {
        BigDecimal amount = decimal(owner, prefix + "amount_in_decimal", prefix + "amount");
        if (amount == null) {
            BigDecimal unit = decimal(owner, prefix + "unit_price_in_decimal", prefix + "unit_price");
            if (unit == null) {
                throw new Refused("a line without amount or unit_price");
            }
            amount = unit.multiply(BigDecimal.valueOf(owner.path(prefix + "quantity").asLong(1)));
        }
        return Money.fromMinor(amount, currency);
    }

    /** Discounts on the invoice amount while they last; one-time ones leave MRR as it is, as Stripe's once. */
    private List<Subscription.Discount> discounts(JsonNode sub, String currency) {
        List<Subscription.Discount> discounts = new ArrayList<>();
        for (JsonNode discount : sub.path("discounts")) {
            String duration = text(discount.path("duration_type"));
            if ("one_time".equals(duration)) {
                export.leaveOut("one-time discounts, which leave MRR as it is");
                continue;
            }
            Long start = time(discount, "created_at");
            start = start == null ? time(sub, "started_at") : start;
            Long end = time(discount, "apply_till");
            if (end == null && "limited_period".equals(duration)) {
                int period = discount.path("period").asInt(0);
                var from = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC);
                end = ("year".equals(text(discount.path("period_unit"))) ? from.plusYears(period)
                        : from.plusMonths(period)).toEpochSecond();
            }
            BigDecimal amount = decimal(discount, "amount", null);
            discounts.add(new Subscription.Discount(decimal(discount, "percentage", null),
                    amount == null ? null : Money.fromMinor(amount, currency), start, end));
        }
        if (sub.path("coupons").isArray() && !sub.path("coupons").isEmpty()) {
            export.leaveOut("coupons given by id (Chargebee lists their terms apart): MRR is before them");
        }
        return discounts;
    }
}
