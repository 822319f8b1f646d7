package com.healthadvisor.judgment;

import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Twelve months of one business, made from a seed, rendered three ways (judgment.md P1): as a December snapshot
 * with eleven months of history, as a fourth quarter with three quarters of history, and as one year.
 *
 * <p>It wins no customers during the year: a quarter's or a year's bridge cannot tell the churn of customers won
 * within it from the churn of those it started with, so with acquisitions the renderings honestly differ (only a
 * ledger, customer by customer, can say which customers left). Without them, every rendering holds the same
 * movements and must get the same verdict.
 */
final class OneBusiness {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] MARKETS = {"smb", "mid_market", "enterprise"};

    private final List<Map<String, Object>> months = new ArrayList<>();
    private final Map<String, Object> profile = new LinkedHashMap<>();

    OneBusiness(long seed) {
        this(seed, false);
    }

    /**
     * @param withFinance with spend, burn, cash and margins every month, so that the money and efficiency judgment
     *                    is rendered three ways too (judgment.md P12)
     */
    OneBusiness(long seed, boolean withFinance) {
        Random random = new Random(seed);
        profile.put("stage", "growth");
        profile.put("market", MARKETS[random.nextInt(MARKETS.length)]);
        double customers = 200 + random.nextInt(3000);
        double arpa = 100 + random.nextDouble() * 2000;
        double start = customers * arpa;
        double churn = 0.003 + random.nextDouble() * 0.06;
        double growth = 0;
        double expansion = random.nextDouble() * 0.03;
        double spend = start * (0.05 + random.nextDouble() * 0.6);
        double burn = start * (random.nextDouble() * 1.2 - 0.2);
        double margin = round(0.3 + random.nextDouble() * 0.6);
        double operating = round(random.nextDouble() * 0.8 - 0.5);
        double cash = Math.max(0, burn) * (2 + random.nextDouble() * 30) + start;
        for (int month = 1; month <= 12; month++) {
            double churned = Math.round(customers * churn);
            double added = Math.round(customers * growth);
            double churnedMrr = round(churned * arpa);
            double newMrr = round(added * arpa);
            double expansionMrr = round(start * expansion);
            double contraction = round(start * 0.002);
            double ending = round(start + newMrr + expansionMrr - contraction - churnedMrr);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("mrr", Map.of("starting", start, "new", newMrr, "expansion", expansionMrr,
                    "contraction", contraction, "churned", churnedMrr, "ending", ending));
            figures.put("customers", Map.of("starting", customers, "new", added, "churned", churned,
                    "ending", customers + added - churned));
            if (withFinance) {
                cash = Math.max(0, cash - burn);
                figures.put("finance", Map.of("sales_marketing_spend", round(spend), "net_burn", round(burn),
                        "cash", round(cash), "gross_margin", margin, "operating_margin", operating));
            }
            months.add(figures);
            start = ending;
            customers = customers + added - churned;
        }
    }

    String monthly() {
        List<Object> history = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            history.add(entry(String.format("2024-%02d", i + 1), months.subList(i, i + 1)));
        }
        return snapshot("2024-12", "monthly", months.subList(11, 12), history);
    }

    String quarterly() {
        List<Object> history = new ArrayList<>();
        for (int q = 0; q < 3; q++) {
            history.add(entry("2024-Q" + (q + 1), months.subList(3 * q, 3 * q + 3)));
        }
        return snapshot("2024-Q4", "quarterly", months.subList(9, 12), history);
    }

    String annual() {
        return snapshot("2024", "annual", months, List.of());
    }

    private String snapshot(String period, String periodicity, List<Map<String, Object>> span, List<Object> history) {
        Map<String, Object> root = new LinkedHashMap<>(entry(period, span));
        root.put("periodicity", periodicity);
        root.put("profile", profile);
        if (!history.isEmpty()) {
            root.put("history", history);
        }
        return JSON.writeValueAsString(root);
    }

    /** The months of a span as one period: first start, summed movements, last end. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(String period, List<Map<String, Object>> span) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("period", period);
        if (span.get(0).containsKey("finance")) {
            entry.put("finance", finance(span));
        }
        for (String section : List.of("mrr", "customers")) {
            Map<String, Object> first = (Map<String, Object>) span.get(0).get(section);
            Map<String, Object> last = (Map<String, Object>) span.get(span.size() - 1).get(section);
            Map<String, Object> summed = new LinkedHashMap<>();
            summed.put("starting", first.get("starting"));
            for (String movement : first.keySet()) {
                if (!movement.equals("starting") && !movement.equals("ending")) {
                    summed.put(movement, round(span.stream()
                            .mapToDouble(m -> (double) ((Map<String, Object>) m.get(section)).get(movement)).sum()));
                }
            }
            summed.put("ending", last.get("ending"));
            entry.put(section, summed);
        }
        return entry;
    }

    /** Spend and burn summed over the span, cash at its end, margins as the span's mean (every month the same). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> finance(List<Map<String, Object>> span) {
        Map<String, Object> finance = new LinkedHashMap<>();
        for (String flow : List.of("sales_marketing_spend", "net_burn")) {
            finance.put(flow, round(span.stream()
                    .mapToDouble(m -> (double) ((Map<String, Object>) m.get("finance")).get(flow)).sum()));
        }
        Map<String, Object> last = (Map<String, Object>) span.get(span.size() - 1).get("finance");
        finance.put("cash", last.get("cash"));
        finance.put("gross_margin", last.get("gross_margin"));
        finance.put("operating_margin", last.get("operating_margin"));
        return finance;
    }

    /** The monthly rendering with an acquisition in its last month: MRR and customers that came with it. */
    @SuppressWarnings("unchecked")
    String monthlyWithAcquisition(double share) {
        Map<String, Object> last = new LinkedHashMap<>(months.get(11));
        Map<String, Object> mrr = new LinkedHashMap<>((Map<String, Object>) last.get("mrr"));
        Map<String, Object> customers = new LinkedHashMap<>((Map<String, Object>) last.get("customers"));
        double acquired = round((double) mrr.get("starting") * share);
        double acquiredCustomers = Math.max(1, Math.round((double) customers.get("starting") * share));
        mrr.put("acquired", acquired);
        mrr.put("ending", round((double) mrr.get("ending") + acquired));
        customers.put("acquired", acquiredCustomers);
        customers.put("ending", (double) customers.get("ending") + acquiredCustomers);
        last.put("mrr", mrr);
        last.put("customers", customers);
        List<Object> history = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            history.add(entry(String.format("2024-%02d", i + 1), months.subList(i, i + 1)));
        }
        return snapshot("2024-12", "monthly", List.of(last), history);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
