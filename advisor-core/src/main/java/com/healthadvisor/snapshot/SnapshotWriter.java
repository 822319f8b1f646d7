package com.healthadvisor.snapshot;

import com.healthadvisor.json.Json;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a snapshot as the JSON of contract.md section 1, so that it can be saved, edited and diagnosed. */
public final class SnapshotWriter {
    private static final JsonMapper COMPACT = Json.PRETTY.rebuild().disable(SerializationFeature.INDENT_OUTPUT).build();

    private SnapshotWriter() {
    }

    /**
     * One period's figures as a {@code history} entry, compact: what the periods after it are diagnosed with. A
     * history entry has no {@code year_ago_customers} (contract.md), so that section is left out.
     */
    public static String writeEntry(String period, Figures figures) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("period", period);
        figures(entry, new Figures(period, figures.mrr(), figures.customers(), figures.users(), figures.revenue(),
                figures.metrics(), null, figures.finance()));
        return COMPACT.writeValueAsString(entry);
    }

    public static String write(Snapshot snapshot) {
        Map<String, Object> root = new LinkedHashMap<>();
        put(root, "company", snapshot.company());
        root.put("period", snapshot.period());
        root.put("periodicity", snapshot.periodicity().word());
        root.put("currency", snapshot.currency());
        Profile profile = snapshot.profile();
        if (profile.stage() != null || profile.market() != null || profile.model() != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            put(p, "stage", profile.stage());
            put(p, "market", profile.market());
            put(p, "model", profile.model());
            root.put("profile", p);
        }
        figures(root, snapshot.figures());
        if (!snapshot.targets().isEmpty()) {
            root.put("targets", snapshot.targets());
        }
        list(root, "history", snapshot.history().stream().map(h -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("period", h.period());
            figures(entry, h);
            return entry;
        }).toList());
        list(root, "cohorts", snapshot.cohorts().stream().map(SnapshotWriter::cohort).toList());
        list(root, "breakdowns", snapshot.breakdowns().stream().map(b -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dimension", b.dimension());
            entry.put("name", b.name());
            figures(entry, b.figures());
            return entry;
        }).toList());
        list(root, "customer_revenue", snapshot.customerRevenue().stream()
                .map(c -> Map.<String, Object>of("customer", c.customer(), "mrr", number(c.mrr()))).toList());
        return Json.PRETTY.writeValueAsString(root);
    }

    private static void figures(Map<String, Object> into, Figures figures) {
        MrrBridge mrr = figures.mrr();
        if (mrr != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "starting", mrr.starting());
            put(m, "new", mrr.newMrr());
            put(m, "expansion", mrr.expansion());
            put(m, "reactivation", mrr.reactivation());
            put(m, "contraction", mrr.contraction());
            put(m, "churned", mrr.churned());
            put(m, "ending", mrr.ending());
            put(m, "acquired", mrr.acquired());
            put(m, "fx", mrr.fx());
            into.put("mrr", m);
        }
        CustomerBridge customers = figures.customers();
        if (customers != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            put(c, "starting", customers.starting());
            put(c, "new", customers.newCustomers());
            put(c, "reactivated", customers.reactivated());
            put(c, "churned", customers.churned());
            put(c, "ending", customers.ending());
            put(c, "acquired", customers.acquired());
            into.put("customers", c);
        }
        put(into, "users", figures.users());
        if (figures.revenue() != null) {
            Revenue r = figures.revenue();
            Map<String, Object> revenue = new LinkedHashMap<>();
            put(revenue, "gross", r.gross());
            put(revenue, "discounts", r.discounts());
            put(revenue, "refunds", r.refunds());
            put(revenue, "credits", r.credits());
            into.put("revenue", revenue);
        }
        if (!figures.metrics().isEmpty()) {
            into.put("metrics", figures.metrics());
        }
        Finance finance = figures.finance();
        if (finance != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            put(f, "sales_marketing_spend", finance.salesMarketingSpend());
            put(f, "net_burn", finance.netBurn());
            put(f, "cash", finance.cash());
            put(f, "gross_margin", finance.grossMargin());
            put(f, "operating_margin", finance.operatingMargin());
            into.put("finance", f);
        }
        YearAgoCustomers yearAgo = figures.yearAgo();
        if (yearAgo != null) {
            Map<String, Object> y = new LinkedHashMap<>();
            put(y, "mrr_then", yearAgo.mrrThen());
            put(y, "mrr_now", yearAgo.mrrNow());
            put(y, "mrr_now_capped", yearAgo.mrrNowCapped());
            into.put("year_ago_customers", y);
        }
    }

    private static Map<String, Object> cohort(Cohort cohort) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("cohort", cohort.cohort());
        put(entry, "customers", cohort.customers());
        if (!cohort.logoRetention().isEmpty()) {
            entry.put("logo_retention", cohort.logoRetention());
        }
        if (!cohort.revenueRetention().isEmpty()) {
            entry.put("revenue_retention", cohort.revenueRetention());
        }
        return entry;
    }

    private static void list(Map<String, Object> into, String key, List<?> items) {
        if (!items.isEmpty()) {
            into.put(key, new ArrayList<>(items));
        }
    }

    private static void put(Map<String, Object> into, String key, Object value) {
        if (value != null) {
            into.put(key, value instanceof Double number ? number(number) : value);
        }
    }

    /** Numbers as written by hand: 111445639.06, not 1.1144563906E8; whole numbers without ".0". */
    private static Object number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value;
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros();
    }
}
