package com.healthadvisor.imports;

import java.util.Locale;
import java.util.Optional;

/**
 * What a dropped file is, from its first bytes: a Stripe or Chargebee export, or a subscription CSV, as opposed to a
 * snapshot (JSON) or a ledger (CSV with customer_id, month and mrr), which are read as they are.
 */
public final class Recognized {

    private Recognized() {
    }

    /** The source of a billing export, or empty for anything else (a snapshot, a ledger). */
    public static Optional<BillingImport.Source> source(String head) {
        String start = head.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            if (start.matches("(?s).{0,4000}\"object\"\\s*:\\s*\"(list|subscription|invoice)\".*")) {
                return Optional.of(BillingImport.Source.STRIPE);
            }
            if (start.matches("(?s).{0,4000}\"(subscription\"\\s*:\\s*\\{|billing_period_unit\").*")) {
                return Optional.of(BillingImport.Source.CHARGEBEE);
            }
            return Optional.empty();
        }
        String header = start.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        if (header.contains("subscriptions.id") || header.contains("subscriptions.customer_id")) {
            return Optional.of(BillingImport.Source.CHARGEBEE);
        }
        if (header.contains("plan_amount") && header.contains("started_at")) {
            return Optional.of(BillingImport.Source.CSV);
        }
        return Optional.empty();
    }
}
