package com.healthadvisor.snapshot;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code cohorts} and {@code customer_revenue}. */
final class CohortReader {

    static final int MAX_ENTRIES = 10_000;
    static final int MAX_AGES = 240;
    private static final Set<String> COHORT_KEYS = Set.of("cohort", "customers", "logo_retention", "revenue_retention");
    private static final Set<String> CUSTOMER_KEYS = Set.of("customer", "mrr");

    private CohortReader() {
    }

    static List<Cohort> cohorts(JsonNode node, Fields fields) {
        List<Cohort> cohorts = new ArrayList<>();
        if (Fields.absent(node) || !fields.array(node, "/cohorts", MAX_ENTRIES)) {
            return cohorts;
        }
        for (int i = 0; i < node.size(); i++) {
            String pointer = Fields.child("/cohorts", i);
            JsonNode entry = node.get(i);
            if (!fields.object(entry, pointer, COHORT_KEYS)) {
                continue;
            }
            String name = fields.text(entry, "cohort", pointer);
            if (name == null || name.isBlank()) {
                fields.fail(pointer + "/cohort", "is required: the acquisition period, e.g. \"2024-01\"");
            }
            cohorts.add(new Cohort(name, fields.count(entry, "customers", pointer),
                    retention(entry.get("logo_retention"), pointer + "/logo_retention", 1.0, fields),
                    retention(entry.get("revenue_retention"), pointer + "/revenue_retention",
                            Double.POSITIVE_INFINITY, fields)));
        }
        return cohorts;
    }

    /** Shares retained by age; index 0 is the acquisition period and cannot be above 1.0. */
    private static List<Double> retention(JsonNode node, String pointer, double max, Fields fields) {
        List<Double> shares = new ArrayList<>();
        if (Fields.absent(node) || !fields.array(node, pointer, MAX_AGES)) {
            return shares;
        }
        for (int age = 0; age < node.size(); age++) {
            Double share = fields.between(node.get(age), Fields.child(pointer, age), 0, age == 0 ? 1.0 : max,
                    age == 0 ? "; index 0 is the acquisition period" : "");
            shares.add(share == null ? Double.NaN : share);
        }
        return shares;
    }

    static List<CustomerRevenue> customerRevenue(JsonNode node, Fields fields) {
        List<CustomerRevenue> customers = new ArrayList<>();
        if (Fields.absent(node) || !fields.array(node, "/customer_revenue", MAX_ENTRIES)) {
            return customers;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String pointer = Fields.child("/customer_revenue", i);
            JsonNode entry = node.get(i);
            if (!fields.object(entry, pointer, CUSTOMER_KEYS)) {
                continue;
            }
            String customer = fields.text(entry, "customer", pointer);
            Double mrr = fields.amount(entry, "mrr", pointer);
            if (customer == null || customer.isBlank()) {
                fields.fail(pointer + "/customer", "is required: the customer's id or name");
            } else if (seen.putIfAbsent(customer, i) != null) {
                fields.fail(pointer + "/customer", "duplicate customer \"" + customer + "\" (also at /customer_revenue/"
                        + seen.get(customer) + ")");
            }
            if (mrr == null && Fields.absent(entry.get("mrr"))) {
                fields.fail(pointer + "/mrr", "is required: the customer's current MRR");
            }
            if (customer != null && mrr != null) {
                customers.add(new CustomerRevenue(customer, mrr));
            }
        }
        return customers;
    }
}
