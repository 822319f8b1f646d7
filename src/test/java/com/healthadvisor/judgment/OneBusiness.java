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
        Random random = new Random(seed);
        profile.put("stage", "growth");
        profile.put("market", MARKETS[random.nextInt(MARKETS.length)]);
        double customers = 200 + random.nextInt(3000);
        double arpa = 100 + random.nextDouble() * 2000;
        double start = customers * arpa;
        double churn = 0.003 + random.nextDouble() * 0.06;
        double growth = 0;
        double expansion = random.nextDouble() * 0.03;
        for (int month = 1; month <= 12; month++) {
            double churned = Math.round(customers * churn);
            double added = Math.round(customers * growth);
            double churnedMrr = round(churned * arpa);
            double newMrr = round(added * arpa);
            double expansionMrr = round(start * expansion);
            double contraction = round(start * 0.002);
            double ending = round(start + newMrr + expansionMrr - contraction - churnedMrr);
            months.add(Map.of("mrr", Map.of("starting", start, "new", newMrr, "expansion", expansionMrr,
                            "contraction", contraction, "churned", churnedMrr, "ending", ending),
                    "customers", Map.of("starting", customers, "new", added, "churned", churned,
                            "ending", customers + added - churned)));
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

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
