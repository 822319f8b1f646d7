package com.healthadvisor.bench;

import com.healthadvisor.snapshot.Breakdown;
import com.healthadvisor.snapshot.Cohort;
import com.healthadvisor.snapshot.CustomerBridge;
import com.healthadvisor.snapshot.CustomerRevenue;
import com.healthadvisor.snapshot.Figures;
import com.healthadvisor.snapshot.MrrBridge;
import com.healthadvisor.snapshot.Periodicity;
import com.healthadvisor.snapshot.Profile;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A large snapshot: 1,000 breakdowns, 100 cohorts × 24 ages, 10,000 customers, a year of history. */
final class LargeSnapshot {

    private LargeSnapshot() {
    }

    static String json() {
        SplittableRandom random = new SplittableRandom(7);
        List<Breakdown> breakdowns = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            double starting = 5_000 + random.nextInt(50_000);
            breakdowns.add(new Breakdown(i % 2 == 0 ? "plan" : "region", "slice-" + i,
                    figures(null, starting, random)));
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            List<Double> logo = new ArrayList<>();
            List<Double> revenue = new ArrayList<>();
            double kept = 1.0;
            for (int age = 0; age < 24; age++) {
                logo.add(Math.round(kept * 1e4) / 1e4);
                revenue.add(Math.round(kept * 1.05 * 1e4) / 1e4);
                kept *= 0.97 + random.nextDouble() * 0.02;
            }
            revenue.set(0, 1.0);
            cohorts.add(new Cohort(String.format("c-%03d", c), 100.0, logo, revenue));
        }
        List<CustomerRevenue> customers = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            customers.add(new CustomerRevenue("customer-" + i, 100 + random.nextInt(20_000)));
        }
        List<Figures> history = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            history.add(figures(String.format("2023-%02d", m), 30_000_000 + m * 100_000, random));
        }
        return SnapshotWriter.write(new Snapshot("Large Co", "2024-01", Periodicity.MONTHLY, "USD",
                new Profile("scale", "mid_market", "sales_led"), figures("2024-01", 31_000_000, random), Map.of(),
                history, cohorts, breakdowns, customers));
    }

    private static Figures figures(String period, double starting, SplittableRandom random) {
        double added = starting * 0.05;
        double expansion = starting * 0.02;
        double contraction = starting * 0.005;
        double churned = starting * (0.01 + random.nextDouble() * 0.03);
        double ending = starting + added + expansion - contraction - churned;
        double customers = Math.max(10, Math.round(starting / 1_000));
        double lost = Math.round(customers * 0.02);
        return new Figures(period, new MrrBridge(starting, added, expansion, 0.0, contraction, churned, ending),
                new CustomerBridge(customers, lost + 1, 0.0, lost, customers + 1), customers * 8, null, Map.of());
    }
}
