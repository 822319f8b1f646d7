package com.healthadvisor.judgment;

import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic SaaS business, made from a seed: MRR and customer bridges that add up, products whose slices sum
 * to the company, a history of contiguous months, cohorts, revenue per customer, a few reported metrics. The same
 * seed always makes the same business; the variations the properties need (money times k, shuffled lists, a free
 * plan) are made from it.
 */
final class GeneratedBusiness {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] MARKETS = {"smb", "mid_market", "enterprise", null};
    private static final String[] STAGES = {"early", "growth", "scale"};

    private final Random random;
    private final Map<String, Object> snapshot;

    GeneratedBusiness(long seed) {
        this.random = new Random(seed);
        this.snapshot = build();
    }

    /** The snapshot as JSON. */
    String json() {
        return JSON.writeValueAsString(snapshot);
    }

    /** Every amount multiplied by k: MRR, revenue, reported money metrics and revenue per customer. */
    String scaled(double k) {
        return JSON.writeValueAsString(scale(deepCopy(snapshot), k));
    }

    /** Breakdowns, cohorts and customer revenue listed in another order. */
    String shuffled(long seed) {
        Map<String, Object> copy = deepCopy(snapshot);
        Random shuffle = new Random(seed);
        for (String list : List.of("breakdowns", "cohorts", "customer_revenue")) {
            if (copy.get(list) instanceof List<?> items) {
                List<Object> reordered = new ArrayList<>(items);
                Collections.shuffle(reordered, shuffle);
                copy.put(list, reordered);
            }
        }
        return JSON.writeValueAsString(copy);
    }

    /** With one more breakdown that pays nothing: a free plan, whose users come and go. */
    String withFreePlan() {
        return JSON.writeValueAsString(freePlanIn(deepCopy(snapshot)));
    }

    /** The business as a sparse snapshot (its period and one section): often too little to judge. */
    String sparse() {
        return JSON.writeValueAsString(sparseCopy());
    }

    /** The sparse snapshot with a free plan: it must stay as (in)sufficient as it was (judgment.md P4, P11). */
    String sparseWithFreePlan() {
        return JSON.writeValueAsString(freePlanIn(sparseCopy()));
    }

    private Map<String, Object> sparseCopy() {
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("period", snapshot.get("period"));
        String section = snapshot.get("period").hashCode() % 2 == 0 ? "customers" : "mrr";
        copy.put(section, snapshot.get(section));
        return deepCopy(copy);
    }

    private static Map<String, Object> freePlanIn(Map<String, Object> copy) {
        @SuppressWarnings("unchecked")
        List<Object> breakdowns = new ArrayList<>((List<Object>) copy.getOrDefault("breakdowns", List.of()));
        Map<String, Object> free = new LinkedHashMap<>();
        free.put("dimension", "plan");
        free.put("name", "Free");
        free.put("mrr", bridge(0, 0, 0, 0, 0));
        free.put("customers", Map.of("starting", 40.0, "new", 12.0, "churned", 15.0, "ending", 37.0));
        breakdowns.add(free);
        copy.put("breakdowns", breakdowns);
        return copy;
    }

    private Map<String, Object> build() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("company", "Generated business");
        root.put("period", "2024-12");
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("stage", STAGES[random.nextInt(STAGES.length)]);
        String market = MARKETS[random.nextInt(MARKETS.length)];
        if (market != null) {
            profile.put("market", market);
        }
        root.put("profile", profile);

        int products = 1 + random.nextInt(3);
        int historyMonths = random.nextInt(6);
        double customers = customerCount();
        double arpa = 50 + random.nextDouble() * (random.nextBoolean() ? 500 : 5000);
        double monthlyChurn = 0.002 + random.nextDouble() * 0.08;
        double expansion = random.nextDouble() * 0.04;
        double growth = random.nextDouble() * 0.12;

        List<Map<String, Object>> history = new ArrayList<>();
        double start = customers * arpa;
        double startCustomers = customers;
        Period last = null;
        for (int month = -historyMonths; month <= 0; month++) {
            Period period = period(start, startCustomers, monthlyChurn, expansion, growth, arpa);
            if (month < 0) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("period", "2024-" + String.format("%02d", 12 + month));
                entry.put("mrr", period.mrr());
                entry.put("customers", period.customers());
                history.add(entry);
            }
            last = period;
            start = period.endingMrr();
            startCustomers = period.endingCustomers();
        }
        root.put("mrr", last.mrr());
        root.put("customers", last.customers());
        if (!history.isEmpty()) {
            root.put("history", history);
        }
        if (products > 1) {
            root.put("breakdowns", breakdowns(last, products));
        }
        root.put("customer_revenue", customerRevenue(last.endingMrr(), (int) Math.min(last.endingCustomers(), 40)));
        if (random.nextBoolean()) {
            root.put("cohorts", cohorts());
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            metrics.put("gross_margin", round(0.5 + random.nextDouble() * 0.4, 2));
        }
        if (random.nextBoolean()) {
            metrics.put("runway_months", round(2 + random.nextDouble() * 30, 1));
        }
        if (!metrics.isEmpty()) {
            root.put("metrics", metrics);
        }
        return root;
    }

    /** From a handful to thousands: a third of the businesses are under the sample floor of rates. */
    private double customerCount() {
        return switch (random.nextInt(3)) {
            case 0 -> 3 + random.nextInt(25);
            case 1 -> 30 + random.nextInt(300);
            default -> 300 + random.nextInt(5000);
        };
    }

    private record Period(Map<String, Object> mrr, Map<String, Object> customers, double endingMrr,
                          double endingCustomers) {
    }

    private Period period(double start, double startCustomers, double churn, double expansion, double growth,
                          double arpa) {
        double churnedCustomers = Math.min(startCustomers, Math.round(startCustomers * churn * (0.5 + random.nextDouble())));
        double newCustomers = Math.round(startCustomers * growth * (0.5 + random.nextDouble()));
        double churned = round(Math.min(start, churnedCustomers * arpa * (0.5 + random.nextDouble())), 2);
        double contraction = round(Math.min(start - churned, start * random.nextDouble() * 0.01), 2);
        double expanded = round(start * expansion * random.nextDouble(), 2);
        double added = round(newCustomers * arpa, 2);
        double ending = round(start + added + expanded - contraction - churned, 2);
        Map<String, Object> customers = new LinkedHashMap<>();
        customers.put("starting", startCustomers);
        customers.put("new", newCustomers);
        customers.put("churned", churnedCustomers);
        double endingCustomers = startCustomers + newCustomers - churnedCustomers;
        customers.put("ending", endingCustomers);
        return new Period(bridge(round(start, 2), added, expanded, contraction, churned), customers, ending,
                endingCustomers);
    }

    private static Map<String, Object> bridge(double start, double added, double expanded, double contraction,
                                              double churned) {
        Map<String, Object> mrr = new LinkedHashMap<>();
        mrr.put("starting", start);
        mrr.put("new", added);
        mrr.put("expansion", expanded);
        mrr.put("contraction", contraction);
        mrr.put("churned", churned);
        mrr.put("ending", round(start + added + expanded - contraction - churned, 2));
        return mrr;
    }

    /** Products whose bridges share the company's: each movement split by the same weights. */
    private List<Object> breakdowns(Period company, int products) {
        double[] weights = new double[products];
        double total = 0;
        for (int i = 0; i < products; i++) {
            weights[i] = 0.2 + random.nextDouble();
            total += weights[i];
        }
        List<Object> slices = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            double share = weights[i] / total;
            Map<String, Object> slice = new LinkedHashMap<>();
            slice.put("dimension", "product");
            slice.put("name", "Product " + (char) ('A' + i));
            Map<String, Object> mrr = company.mrr();
            slice.put("mrr", bridge(round(share * (double) mrr.get("starting"), 2), round(share * (double) mrr.get("new"), 2),
                    round(share * (double) mrr.get("expansion"), 2), round(share * (double) mrr.get("contraction"), 2),
                    round(share * (double) mrr.get("churned"), 2)));
            slices.add(slice);
        }
        return slices;
    }

    private List<Object> customerRevenue(double mrr, int count) {
        List<Object> customers = new ArrayList<>();
        double[] weights = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = Math.pow(random.nextDouble(), 3) + 0.01;
            total += weights[i];
        }
        for (int i = 0; i < count; i++) {
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("customer", "c-" + i);
            customer.put("mrr", round(mrr * 0.8 * weights[i] / total, 2));
            customers.add(customer);
        }
        return customers;
    }

    private List<Object> cohorts() {
        List<Object> cohorts = new ArrayList<>();
        double drift = (random.nextDouble() - 0.5) * 0.1;
        for (int i = 0; i < 4; i++) {
            Map<String, Object> cohort = new LinkedHashMap<>();
            cohort.put("cohort", "2024-0" + (i + 1));
            cohort.put("customers", 5.0 + random.nextInt(60));
            List<Double> retention = new ArrayList<>(List.of(1.0));
            double kept = 1.0;
            for (int age = 1; age < 8 - i; age++) {
                kept = Math.max(0, kept - 0.03 - random.nextDouble() * 0.03 + drift * i / 4);
                retention.add(round(Math.min(1, kept), 3));
            }
            cohort.put("logo_retention", retention);
            cohorts.add(cohort);
        }
        return cohorts;
    }

    @SuppressWarnings("unchecked")
    private static Object scale(Object node, double k) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> object = (Map<String, Object>) map;
            for (String key : List.copyOf(object.keySet())) {
                Object value = object.get(key);
                if ((key.equals("mrr") || key.equals("revenue")) && value instanceof Map<?, ?> amounts) {
                    ((Map<String, Object>) amounts).replaceAll((name, amount) -> times(amount, k));
                } else if (key.equals("mrr") && value instanceof Number) {
                    object.put(key, times(value, k));
                } else {
                    scale(value, k);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> scale(item, k));
        }
        return node;
    }

    private static Object times(Object amount, double k) {
        return amount instanceof Number number ? number.doubleValue() * k : amount;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> original) {
        return JSON.readValue(JSON.writeValueAsString(original), Map.class);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
