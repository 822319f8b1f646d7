package com.healthadvisor.imports;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * A tiered price's amount for a quantity: {@code volume} prices every unit at the tier the quantity reaches;
 * {@code graduated} prices each unit at the tier it falls in. Each tier may add a flat amount.
 */
final class Tiers {

    private Tiers() {
    }

    static BigDecimal amount(JsonNode price, long quantity) {
        JsonNode tiers = price.path("tiers");
        if (!tiers.isArray() || tiers.isEmpty()) {
            throw new Refused("price " + price.path("id").asString("?") + " is tiered but its tiers "
                    + "are not in the export (export with --expand data.items.data.price.tiers)");
        }
        boolean graduated = "graduated".equals(StripeReader.text(price.path("tiers_mode")));
        BigDecimal total = BigDecimal.ZERO;
        long below = 0;
        for (JsonNode tier : tiers) {
            Long upTo = tier.path("up_to").isNumber() ? tier.path("up_to").asLong() : null;
            BigDecimal unit = orZero(StripeReader.decimal(tier, "unit_amount_decimal", "unit_amount"));
            BigDecimal flat = orZero(StripeReader.decimal(tier, "flat_amount_decimal", "flat_amount"));
            if (graduated) {
                long inTier = Math.min(quantity, upTo == null ? Long.MAX_VALUE : upTo) - below;
                if (inTier <= 0) {
                    break;
                }
                total = total.add(unit.multiply(BigDecimal.valueOf(inTier))).add(flat);
                below += inTier;
            } else if (upTo == null || quantity <= upTo) {
                return unit.multiply(BigDecimal.valueOf(quantity)).add(flat);
            }
        }
        return total;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
