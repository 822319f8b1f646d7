package com.healthadvisor.ledger;

import com.healthadvisor.snapshot.CustomerBridge;
import com.healthadvisor.snapshot.MrrBridge;

import java.util.Map;

/**
 * ChartMogul's five MRR movements of one month over a set of monthly series (one per customer):
 * new (first month with MRR), expansion, contraction, churn (MRR drops to 0) and reactivation (MRR
 * again after a month at 0), with the customer bridge that goes with them.
 */
final class Movements {

    /** The MRR and customer bridges of one month. */
    record Month(MrrBridge mrr, CustomerBridge customers) {
    }

    private Movements() {
    }

    /**
     * @param exchange the part of each customer's change that exchange rates caused (a ledger converted at each
     *                 month's rate): set apart as its own line, so that a moving rate is neither expansion nor
     *                 contraction; empty when the ledger has none
     */
    static Month of(Map<Integer, double[]> series, Map<Integer, double[]> exchange, int month) {
        double starting = 0, added = 0, expansion = 0, reactivation = 0, contraction = 0, churned = 0, ending = 0;
        double fx = 0;
        int customersAtStart = 0, customersNew = 0, customersBack = 0, customersLost = 0, customersAtEnd = 0;
        for (var entry : series.entrySet()) {
            double[] values = entry.getValue();
            double before = month == 0 ? 0 : values[month - 1];
            double[] rates = exchange.get(entry.getKey());
            // Only a customer who paid in both months has a change that rates can cause.
            double moved = rates == null || before == 0 || values[month] == 0 ? 0 : rates[month];
            fx += moved;
            double now = values[month] - moved;
            starting += before;
            ending += values[month];
            customersAtStart += before > 0 ? 1 : 0;
            customersAtEnd += values[month] > 0 ? 1 : 0;
            if (before == 0 && now > 0) {
                if (paidBefore(values, month - 1)) {
                    reactivation += now;
                    customersBack++;
                } else {
                    added += now;
                    customersNew++;
                }
            } else if (before > 0 && now == 0) {
                churned += before;
                customersLost++;
            } else if (now > before) {
                expansion += now - before;
            } else if (now < before) {
                contraction += before - now;
            }
        }
        return new Month(new MrrBridge(cents(starting), cents(added), cents(expansion), cents(reactivation),
                cents(contraction), cents(churned), cents(ending), null, exchange.isEmpty() ? null : cents(fx)),
                new CustomerBridge((double) customersAtStart, (double) customersNew, (double) customersBack,
                        (double) customersLost, (double) customersAtEnd));
    }

    private static boolean paidBefore(double[] values, int lastMonth) {
        for (int m = 0; m < lastMonth; m++) {
            if (values[m] > 0) {
                return true;
            }
        }
        return false;
    }

    /** To the cent, half up in decimal as people round: 1.005 is 1.01 (in binary it is a hair under 1.005). */
    static double cents(double amount) {
        return java.math.BigDecimal.valueOf(amount).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
