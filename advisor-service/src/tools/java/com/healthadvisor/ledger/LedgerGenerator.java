package com.healthadvisor.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic ledger (the same for the same seed) to measure the import: one row per customer per
 * month (0 MRR before joining and while churned), customers joining over the first half, paying between
 * $50 and $5,000, expanding, contracting, churning and sometimes coming back, across two products and
 * three markets.
 */
public final class LedgerGenerator {

    private static final String[] PRODUCTS = {"Core", "Analytics"};
    private static final String[] MARKETS = {"smb", "mid_market", "enterprise"};

    private LedgerGenerator() {
    }

    /** @return the number of rows written */
    public static long write(Writer out, int customers, int months, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long rows = 0;
        try {
            out.write("customer_id,month,mrr,users,product,market\n");
            StringBuilder line = new StringBuilder(64);
            for (int c = 0; c < customers; c++) {
                int joined = random.nextInt(Math.max(1, months / 2));
                double mrr = 50 + random.nextInt(4950);
                int users = 1 + random.nextInt(50);
                String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
                String market = MARKETS[random.nextInt(MARKETS.length)];
                boolean active = false;
                for (int m = 0; m < months; m++) {
                    double roll = random.nextDouble();
                    active = m == joined || (m > joined && (active ? roll >= 0.03 : roll < 0.10));
                    mrr = roll < 0.10 ? mrr * 1.1 : roll > 0.95 ? mrr * 0.9 : mrr;
                    line.setLength(0);
                    line.append("c-").append(c).append(',').append(Months.format(2024 * 12 + m)).append(',')
                            .append(String.format(Locale.ROOT, "%.2f", active ? mrr : 0.0)).append(',')
                            .append(active ? users : 0).append(',').append(product).append(',').append(market).append('\n');
                    out.write(line.toString());
                    rows++;
                }
            }
            out.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
