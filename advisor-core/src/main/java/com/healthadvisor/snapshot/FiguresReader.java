package com.healthadvisor.snapshot;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the sections shared by the top level, history entries and breakdowns. */
final class FiguresReader {

    private static final Pattern DIMENSION = Pattern.compile("[a-z][a-z0-9_]*");

    static final Set<String> HISTORY_KEYS =
            Set.of("period", "mrr", "customers", "users", "revenue", "metrics", "finance");
    private static final Set<String> BREAKDOWN_KEYS =
            Set.of("dimension", "name", "mrr", "customers", "users", "revenue", "metrics", "year_ago_customers",
                    "finance");
    private static final Set<String> MRR_KEYS =
            Set.of("starting", "new", "expansion", "reactivation", "contraction", "churned", "ending", "acquired",
                    "fx");
    private static final Set<String> CUSTOMER_KEYS =
            Set.of("starting", "new", "reactivated", "churned", "ending", "acquired");
    private static final Set<String> REVENUE_KEYS = Set.of("gross", "discounts", "refunds", "credits");
    private static final Set<String> YEAR_AGO_KEYS = Set.of("mrr_then", "mrr_now", "mrr_now_capped");
    private static final Set<String> FINANCE_KEYS =
            Set.of("sales_marketing_spend", "net_burn", "cash", "gross_margin", "operating_margin");
    private static final Set<String> RESERVED_DIMENSIONS = Set.of("company", "cohort");

    private FiguresReader() {
    }

    static Figures figures(JsonNode node, String pointer, String period, Fields fields) {
        return new Figures(period,
                mrr(node.get("mrr"), Fields.child(pointer, "mrr"), fields),
                customers(node.get("customers"), Fields.child(pointer, "customers"), fields),
                fields.count(node, "users", pointer),
                revenue(node.get("revenue"), Fields.child(pointer, "revenue"), fields),
                MetricsReader.metrics(node.get("metrics"), Fields.child(pointer, "metrics"), fields),
                yearAgo(node.get("year_ago_customers"), Fields.child(pointer, "year_ago_customers"), fields),
                finance(node.get("finance"), Fields.child(pointer, "finance"), fields));
    }

    static List<Breakdown> breakdowns(JsonNode node, Fields fields) {
        List<Breakdown> breakdowns = new ArrayList<>();
        if (Fields.absent(node) || !fields.array(node, "/breakdowns", CohortReader.MAX_ENTRIES)) {
            return breakdowns;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String pointer = Fields.child("/breakdowns", i);
            JsonNode entry = node.get(i);
            if (!fields.object(entry, pointer, BREAKDOWN_KEYS)) {
                continue;
            }
            String dimension = dimension(entry, pointer, fields);
            String name = fields.text(entry, "name", pointer);
            if (name == null || name.isBlank()) {
                fields.fail(pointer + "/name", "is required: the name of the slice, e.g. \"Legacy\"");
            }
            Figures figures = figures(entry, pointer, null, fields);
            if (dimension == null || name == null || name.isBlank()) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(dimension + ":" + name, i);
            if (earlier != null) {
                fields.fail(pointer + "/name", "duplicate breakdown " + dimension + ":" + name
                        + " (also at /breakdowns/" + earlier + ")");
            }
            breakdowns.add(new Breakdown(dimension, name, figures));
        }
        return breakdowns;
    }

    private static String dimension(JsonNode entry, String pointer, Fields fields) {
        String dimension = fields.text(entry, "dimension", pointer);
        if (dimension == null) {
            if (Fields.absent(entry.get("dimension"))) {
                fields.fail(pointer + "/dimension", "is required: product, market, plan, region, channel or any word");
            }
            return null;
        }
        if (!DIMENSION.matcher(dimension).matches() || RESERVED_DIMENSIONS.contains(dimension)) {
            fields.fail(pointer + "/dimension", "must be a lower-case word other than company or cohort (was \""
                    + dimension + "\")");
            return null;
        }
        return dimension;
    }

    private static MrrBridge mrr(JsonNode node, String pointer, Fields fields) {
        if (Fields.absent(node) || !fields.object(node, pointer, MRR_KEYS)) {
            return null;
        }
        MrrBridge bridge = new MrrBridge(fields.amount(node, "starting", pointer), fields.amount(node, "new", pointer),
                fields.amount(node, "expansion", pointer), fields.amount(node, "reactivation", pointer),
                fields.amount(node, "contraction", pointer), fields.amount(node, "churned", pointer),
                fields.amount(node, "ending", pointer), fields.amount(node, "acquired", pointer),
                fields.number(node, "fx", pointer));
        if (bridge.starting() != null && bridge.churned() != null) {
            // What could be lost is what was there and what came in during the period: over a quarter or a year,
            // customers won in the period can leave in it too.
            double lost = bridge.churned() + orZero(bridge.contraction());
            double there = bridge.starting() + orZero(bridge.newMrr()) + orZero(bridge.expansion())
                    + orZero(bridge.reactivation()) + orZero(bridge.acquired());
            if (lost > there + 0.005) {
                fields.fail(pointer + "/churned", "churned + contraction (" + Fields.plain(lost)
                        + ") must not exceed starting + new + expansion + reactivation + acquired MRR ("
                        + Fields.plain(there)
                        + ")");
            }
        }
        return bridge;
    }

    private static CustomerBridge customers(JsonNode node, String pointer, Fields fields) {
        if (Fields.absent(node) || !fields.object(node, pointer, CUSTOMER_KEYS)) {
            return null;
        }
        CustomerBridge bridge = new CustomerBridge(fields.count(node, "starting", pointer),
                fields.count(node, "new", pointer), fields.count(node, "reactivated", pointer),
                fields.count(node, "churned", pointer), fields.count(node, "ending", pointer),
                fields.count(node, "acquired", pointer));
        double there = bridge.starting() == null ? 0
                : bridge.starting() + orZero(bridge.newCustomers()) + orZero(bridge.reactivated())
                        + orZero(bridge.acquired());
        if (bridge.starting() != null && bridge.churned() != null && bridge.churned() > there) {
            fields.fail(pointer + "/churned", "must not exceed customers.starting + new + reactivated + acquired (was "
                    + Fields.plain(bridge.churned()) + " > " + Fields.plain(there) + ")");
        }
        return bridge;
    }

    /** Their MRR then and now are both needed; what they pay now, capped at what they paid then, is neither more. */
    private static YearAgoCustomers yearAgo(JsonNode node, String pointer, Fields fields) {
        if (Fields.absent(node) || !fields.object(node, pointer, YEAR_AGO_KEYS)) {
            return null;
        }
        YearAgoCustomers yearAgo = new YearAgoCustomers(fields.amount(node, "mrr_then", pointer),
                fields.amount(node, "mrr_now", pointer), fields.amount(node, "mrr_now_capped", pointer));
        for (String key : List.of("mrr_then", "mrr_now")) {
            if (Fields.absent(node.get(key))) {
                fields.fail(pointer + "/" + key, "is required: year_ago_customers needs mrr_then and mrr_now");
            }
        }
        Double capped = yearAgo.mrrNowCapped();
        if (capped != null && yearAgo.mrrThen() != null && capped > yearAgo.mrrThen() + CENT) {
            fields.fail(pointer + "/mrr_now_capped", "must not exceed mrr_then (" + Fields.plain(yearAgo.mrrThen())
                    + "): each customer counts at most what they paid then (was " + Fields.plain(capped) + ")");
        } else if (capped != null && yearAgo.mrrNow() != null && capped > yearAgo.mrrNow() + CENT) {
            fields.fail(pointer + "/mrr_now_capped", "must not exceed mrr_now (" + Fields.plain(yearAgo.mrrNow())
                    + ") (was " + Fields.plain(capped) + ")");
        }
        return yearAgo;
    }

    /** Spend and cash are amounts; burn may be negative (cash generated); margins are fractions up to 1. */
    private static Finance finance(JsonNode node, String pointer, Fields fields) {
        if (Fields.absent(node) || !fields.object(node, pointer, FINANCE_KEYS)) {
            return null;
        }
        return new Finance(fields.amount(node, "sales_marketing_spend", pointer),
                fields.number(node, "net_burn", pointer), fields.amount(node, "cash", pointer),
                margin(node, "gross_margin", pointer, fields), margin(node, "operating_margin", pointer, fields));
    }

    private static Double margin(JsonNode node, String key, String pointer, Fields fields) {
        JsonNode value = node.get(key);
        String hint = value != null && value.isNumber() && Fields.toDouble(value) > 1
                ? "; margins are fractions: 0.75, not 75" : "";
        return fields.between(value, Fields.child(pointer, key), Double.NEGATIVE_INFINITY, 1, hint);
    }

    /** Amounts in cents: a capped sum may differ from the others by rounding. */
    private static final double CENT = 0.01;

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static Revenue revenue(JsonNode node, String pointer, Fields fields) {
        if (Fields.absent(node) || !fields.object(node, pointer, REVENUE_KEYS)) {
            return null;
        }
        return new Revenue(fields.amount(node, "gross", pointer), fields.amount(node, "discounts", pointer),
                fields.amount(node, "refunds", pointer), fields.amount(node, "credits", pointer));
    }
}
