package com.healthadvisor.imports;

import com.healthadvisor.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A generated company in Stripe's shapes: every interval, trials, coupons of each duration, cancellations (now and at
 * the end of the term), unpaid and paused subscriptions, never-paid ones, customers who come back, three currencies.
 * It knows each subscription's terms as plain numbers, and computes the MRR every customer should have at every
 * month-end straight from docs/imports.md, along another path than the import's: month by month over the terms,
 * not over the parsed objects.
 */
public final class GeneratedStripeCompany {

    public static final Map<String, BigDecimal> RATES = Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("1.08"),
            "GBP", new BigDecimal("1.27"));
    static final YearMonth FIRST = YearMonth.of(2023, 1);
    static final YearMonth LAST = YearMonth.of(2025, 12);
    /** The newest date the export names: its "now". */
    static final long AS_OF = LocalDate.of(2025, 12, 15).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

    private static final String[][] INTERVALS = {{"month", "1"}, {"month", "3"}, {"year", "1"}, {"week", "1"},
            {"week", "2"}, {"day", "30"}, {"month", "6"}};

    /** One subscription's terms. Times in epoch seconds; {@code until} null while it pays on. */
    record Terms(String id, String customer, String currency, long start, Long trialEnd, Long until, boolean never,
                 long unitAmount, int quantity, String interval, int count, BigDecimal percentOff,
                 Long amountOff, int amountOffMonths, boolean once, Long upgradedAt, long unitAmountBefore) {

        /** The start of its {@code k}th monthly billing period, anchored on its start as Stripe anchors it. */
        long period(int k) {
            return ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(start), ZoneOffset.UTC).plusMonths(k)
                    .toEpochSecond();
        }
    }

    final List<Terms> terms = new ArrayList<>();

    public GeneratedStripeCompany(int subscriptions, long seed) {
        Random random = new Random(seed);
        int customers = Math.max(1, subscriptions * 4 / 5);
        for (int i = 0; i < subscriptions; i++) {
            terms.add(terms(i, "cus_" + (i % customers), random));
        }
    }

    private static Terms terms(int i, String customer, Random random) {
        long start = FIRST.atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                + (long) (random.nextDouble() * (AS_OF - 86_400 * 40 - FIRST.atDay(1).atStartOfDay(ZoneOffset.UTC)
                .toEpochSecond()));
        // Some start exactly at midnight on the first of a month, the edge of a month-end.
        if (random.nextInt(10) == 0) {
            start = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(start), ZoneOffset.UTC).withDayOfMonth(1)
                    .toLocalDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        }
        String currency = random.nextInt(20) < 17 ? "USD" : random.nextBoolean() ? "EUR" : "GBP";
        Long trialEnd = random.nextInt(5) == 0 ? start + 14 * 86_400 : null;
        int fate = random.nextInt(100);
        Long until = null;
        if (fate < 30) {
            until = start + (long) (random.nextDouble() * (AS_OF - start));
        } else if (fate < 40) {
            until = AS_OF + random.nextInt(60) * 86_400L;
        } else if (fate < 45) {
            until = start + (long) (random.nextDouble() * (AS_OF - start));
        }
        String[] interval = INTERVALS[random.nextInt(INTERVALS.length)];
        int discount = random.nextInt(100);
        long unitAmount = 500 + random.nextInt(50_000);
        // An upgrade in the middle of a month, billed from the next period on (its invoices tell): monthly USD plans
        // without trial or coupon, so that the invoices this company writes stay simple.
        boolean upgrades = random.nextInt(8) == 0;
        if (upgrades) {
            long upgradedAt = start + 40 * 86_400L + (long) (random.nextDouble() * Math.max(1, AS_OF - start - 40 * 86_400L));
            return new Terms("sub_" + i, customer, "USD", start, null, until, false, unitAmount,
                    1 + random.nextInt(20), "month", 1, null, null, 1, false, upgradedAt, unitAmount / 2);
        }
        return new Terms("sub_" + i, customer, currency, start, trialEnd, until, fate >= 45 && fate < 48,
                unitAmount, 1 + random.nextInt(20), interval[0], Integer.parseInt(interval[1]),
                discount < 15 ? BigDecimal.valueOf(10 + random.nextInt(41)) : null,
                discount >= 15 && discount < 25 ? Long.valueOf(100 + random.nextInt(2_000)) : null,
                1 + random.nextInt(12), discount >= 25 && discount < 30, null, unitAmount);
    }

    /** The export, one object per line, as the Stripe CLI writes them: the subscriptions, then the invoices. */
    String jsonLines() {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            writeJsonLines(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The invoices of an upgraded subscription, one a billing period that started by the export's date and before
     * it stopped paying: the price before the upgrade for periods that started before it (that period's proration
     * line as well), the new price after.
     */
    private static List<ObjectNode> invoices(Terms t, int index) {
        List<ObjectNode> invoices = new ArrayList<>();
        for (int k = 0; t.period(k) <= AS_OF && (t.until() == null || t.period(k) < t.until()); k++) {
            long from = t.period(k);
            long to = t.period(k + 1);
            boolean before = from < t.upgradedAt();
            ObjectNode invoice = Json.PLAIN.createObjectNode().put("id", "in_" + index + "_" + k)
                    .put("object", "invoice").put("currency", "usd").put("created", from);
            ArrayNode lines = invoice.putObject("lines").putArray("data");
            lines.addObject().put("amount", (before ? t.unitAmountBefore() : t.unitAmount()) * t.quantity())
                    .put("subscription_item", "si_" + index).put("proration", false)
                    .putObject("period").put("start", from).put("end", to);
            if (before && t.upgradedAt() < to) {
                lines.addObject().put("amount", (t.unitAmount() - t.unitAmountBefore()) * t.quantity() / 2)
                        .put("subscription_item", "si_" + index).put("proration", true)
                        .putObject("period").put("start", t.upgradedAt()).put("end", to);
            }
            invoices.add(invoice);
        }
        return invoices;
    }

    /** The same, written to a file a line at a time (the bench's hundred thousand subscriptions). */
    public void writeJsonLines(java.io.Writer out) throws java.io.IOException {
        for (int i = 0; i < terms.size(); i++) {
            out.write(object(terms.get(i), i).toString());
            out.write('\n');
        }
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).upgradedAt() != null) {
                for (ObjectNode invoice : invoices(terms.get(i), i)) {
                    out.write(invoice.toString());
                    out.write('\n');
                }
            }
        }
    }

    /** The rates file its currencies need, reporting in USD. */
    public static String ratesCsv() {
        return "currency,rate\nEUR," + RATES.get("EUR") + "\nGBP," + RATES.get("GBP") + "\n";
    }

    private static ObjectNode object(Terms t, int index) {
        ObjectNode sub = Json.PLAIN.createObjectNode();
        sub.put("id", t.id()).put("object", "subscription").put("customer", t.customer())
                .put("currency", t.currency().toLowerCase()).put("start_date", t.start()).put("created", t.start());
        if (t.trialEnd() != null) {
            sub.put("trial_start", t.start()).put("trial_end", t.trialEnd());
        }
        int kind = index % 4;
        if (t.never()) {
            sub.put("status", "incomplete_expired");
        } else if (t.until() == null) {
            sub.put("status", "active");
        } else if (t.until() > AS_OF) {
            sub.put("status", "active").put("cancel_at_period_end", true).put("cancel_at", t.until());
        } else if (kind == 0) {
            sub.put("status", "unpaid").put("current_period_start", t.until());
        } else if (kind == 1) {
            sub.put("status", "active").put("current_period_start", t.until());
            sub.putObject("pause_collection").put("behavior", "void");
        } else {
            sub.put("status", "canceled").put("canceled_at", t.until()).put("ended_at", t.until());
        }
        ObjectNode item = sub.putObject("items").put("object", "list").putArray("data").addObject();
        item.put("id", "si_" + index).put("object", "subscription_item").put("quantity", t.quantity());
        ObjectNode price = item.putObject("price");
        price.put("id", "price_" + t.interval() + t.count()).put("object", "price").put("billing_scheme", "per_unit")
                .put("currency", t.currency().toLowerCase()).put("unit_amount", t.unitAmount())
                .put("unit_amount_decimal", String.valueOf(t.unitAmount()));
        price.putObject("recurring").put("interval", t.interval()).put("interval_count", t.count())
                .put("usage_type", "licensed");
        ArrayNode discounts = sub.putArray("discounts");
        if (t.percentOff() != null) {
            coupon(discounts, t, "forever").put("percent_off", t.percentOff());
        } else if (t.amountOff() != null) {
            coupon(discounts, t, "repeating").put("amount_off", t.amountOff()).put("duration_in_months",
                    t.amountOffMonths()).put("currency", t.currency().toLowerCase());
        } else if (t.once()) {
            coupon(discounts, t, "once").put("percent_off", 50);
        }
        return sub;
    }

    private static ObjectNode coupon(ArrayNode discounts, Terms t, String duration) {
        ObjectNode discount = discounts.addObject();
        discount.put("id", "di_" + t.id()).put("object", "discount").put("start", t.start());
        return discount.putObject("coupon").put("object", "coupon").put("duration", duration);
    }

    /** Every customer's MRR in USD at every month-end, to the cent: the rules of docs/imports.md, month by month. */
    Map<String, Map<YearMonth, BigDecimal>> expected() {
        Map<String, Map<YearMonth, BigDecimal>> expected = new TreeMap<>();
        for (YearMonth month = FIRST; !month.isAfter(LAST); month = month.plusMonths(1)) {
            long end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1;
            Map<String, BigDecimal> sums = new TreeMap<>();
            for (Terms t : terms) {
                BigDecimal mrr = mrrAt(t, end);
                if (mrr != null) {
                    sums.merge(t.customer(), mrr.multiply(RATES.get(t.currency())), BigDecimal::add);
                }
            }
            for (var sum : sums.entrySet()) {
                BigDecimal cents = sum.getValue().setScale(2, RoundingMode.HALF_UP);
                if (cents.signum() > 0) {
                    expected.computeIfAbsent(sum.getKey(), c -> new TreeMap<>()).put(month, cents);
                }
            }
        }
        return expected;
    }

    /**
     * The unit price a month-end was billed at: before an upgrade, the old price for the billing periods that started
     * before it, as far as invoices go (periods started by the export's date); today's price otherwise.
     */
    private static long priceAt(Terms t, long end) {
        if (t.upgradedAt() == null) {
            return t.unitAmount();
        }
        int k = 0;
        while (t.period(k + 1) <= end) {
            k++;
        }
        boolean invoiced = t.period(k) <= AS_OF;
        return invoiced && t.period(k) < t.upgradedAt() ? t.unitAmountBefore() : t.unitAmount();
    }

    private static BigDecimal mrrAt(Terms t, long end) {
        long paysFrom = t.trialEnd() != null ? Math.max(t.start(), t.trialEnd()) : t.start();
        if (t.never() || end < paysFrom || (t.until() != null && end >= t.until())) {
            return null;
        }
        MathContext precise = MathContext.DECIMAL128;
        BigDecimal perInterval = BigDecimal.valueOf(priceAt(t, end)).multiply(BigDecimal.valueOf(t.quantity()));
        if (t.percentOff() != null) {
            perInterval = perInterval.multiply(BigDecimal.ONE.subtract(t.percentOff().movePointLeft(2)));
        }
        long amountOffEnds = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(t.start()), ZoneOffset.UTC)
                .plusMonths(t.amountOffMonths()).toEpochSecond();
        if (t.amountOff() != null && end < amountOffEnds) {
            perInterval = perInterval.subtract(BigDecimal.valueOf(t.amountOff())).max(BigDecimal.ZERO);
        }
        // Intervals in a month: 365/12 days, 52/12 weeks; one division at the end keeps a half cent exact.
        long[] fraction = switch (t.interval()) {
            case "year" -> new long[] {1, 12};
            case "month" -> new long[] {1, 1};
            case "week" -> new long[] {52, 12};
            default -> new long[] {365, 12};
        };
        return perInterval.multiply(BigDecimal.valueOf(fraction[0]))
                .divide(BigDecimal.valueOf(fraction[1] * t.count()), precise).movePointLeft(2);
    }
}
