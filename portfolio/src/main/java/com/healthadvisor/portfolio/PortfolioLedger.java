package com.healthadvisor.portfolio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic portfolio ledger (the same for the same seed): many companies, one row per customer per month
 * from January 2024, each company with its own churn, win-back and expansion, so that their diagnoses differ.
 */
public final class PortfolioLedger {

    private static final String[] PRODUCTS = {"Core", "Analytics"};
    private static final String[] MARKETS = {"smb", "mid_market", "enterprise"};

    private PortfolioLedger() {
    }

    /** {@code PortfolioLedger FILE [companies 300] [customers 200] [months 24]}: writes a ledger to try the job on. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("PortfolioLedger FILE [companies] [customers] [months]");
        }
        int companies = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int customers = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int months = args.length > 3 ? Integer.parseInt(args[3]) : 24;
        try (Writer out = java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(args[0]))) {
            long rows = write(out, companies, customers, months, 7);
            System.out.printf("%s: %,d companies, %,d rows%n", args[0], companies, rows);
        }
    }

    /** @return the number of rows written */
    public static long write(Writer out, int companies, int customers, int months, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long rows = 0;
        try {
            out.write("company_id,customer_id,month,mrr,users,product,market\n");
            StringBuilder line = new StringBuilder(96);
            for (int company = 0; company < companies; company++) {
                double churn = 0.005 + random.nextDouble() * 0.10;
                double winBack = random.nextDouble() * 0.08;
                double expansion = random.nextDouble() * 0.15;
                for (int c = 0; c < customers; c++) {
                    int joined = random.nextInt(Math.max(1, months / 2));
                    double mrr = 50 + random.nextInt(4950);
                    int users = 1 + random.nextInt(50);
                    String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
                    String market = MARKETS[random.nextInt(MARKETS.length)];
                    boolean active = false;
                    for (int m = 0; m < months; m++) {
                        double roll = random.nextDouble();
                        active = m == joined || (m > joined && (active ? roll >= churn : roll < winBack));
                        mrr = roll < expansion ? mrr * 1.1 : roll > 0.97 ? mrr * 0.9 : mrr;
                        line.setLength(0);
                        line.append("co-").append(company).append(",c-").append(c).append(',')
                                .append(2024 + m / 12).append('-').append(String.format(Locale.ROOT, "%02d", m % 12 + 1))
                                .append(',').append(String.format(Locale.ROOT, "%.2f", active ? mrr : 0.0)).append(',')
                                .append(active ? users : 0).append(',').append(product).append(',').append(market)
                                .append('\n');
                        out.write(line.toString());
                        rows++;
                    }
                }
            }
            out.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
