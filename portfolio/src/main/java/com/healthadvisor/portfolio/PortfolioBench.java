package com.healthadvisor.portfolio;

import com.healthadvisor.RuleFiles;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the job on this machine: a generated portfolio ledger (companies × customers × months rows), diagnosed
 * by Spark in local mode, and the same rows diagnosed company by company in one thread of one JVM without Spark
 * (the command line's way, as a single-process import would). Prints rows/s and companies/s for both.
 *
 * <pre>PortfolioBench [companies 2000] [customers 200] [months 24] [master local[*]]</pre>
 */
public final class PortfolioBench {

    private PortfolioBench() {
    }

    public static void main(String[] args) throws IOException {
        int companies = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int months = args.length > 2 ? Integer.parseInt(args[2]) : 24;
        String master = args.length > 3 ? args[3] : "local[*]";
        Path ledger = Files.createTempFile("portfolio", ".csv");
        long rows;
        try (Writer out = Files.newBufferedWriter(ledger)) {
            rows = PortfolioLedger.write(out, companies, customers, months, 7);
        }
        System.out.printf("ledger: %,d companies × %d customers × %d months = %,d rows, %,d MB%n", companies,
                customers, months, rows, Files.size(ledger) >> 20);
        Path rules = Path.of("rules");

        // The single process goes first, so that it pays the rule set's compile and the JIT's warm-up, as Spark does.
        long started = System.nanoTime();
        report("one thread, no Spark", rows, oneThread(ledger, rules), System.nanoTime() - started);

        started = System.nanoTime();
        long diagnosed;
        try (SparkSession spark = SparkSession.builder().master(master).appName("portfolio-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", 8)
                .getOrCreate()) {
            diagnosed = PortfolioJob.diagnose(spark, PortfolioJob.read(spark, ledger.toString()), null, rules)
                    .filter("error IS NULL").count();
        }
        report("spark " + master, rows, diagnosed, System.nanoTime() - started);

        Files.delete(ledger);
    }

    /** The rows read and grouped by company in memory, then each company diagnosed in turn. */
    private static long oneThread(Path ledger, Path rules) throws IOException {
        RuleFiles shared = PortfolioJob.rulesOf(rules);
        Map<String, List<List<String>>> byCompany = new LinkedHashMap<>();
        List<String> header;
        try (BufferedReader in = Files.newBufferedReader(ledger)) {
            header = Arrays.asList(in.readLine().split(","));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                List<String> values = Arrays.asList(line.split(","));
                byCompany.computeIfAbsent(values.get(0), c -> new ArrayList<>()).add(values.subList(1, values.size()));
            }
        }
        long diagnosed = 0;
        for (Map.Entry<String, List<List<String>>> company : byCompany.entrySet()) {
            CompanyDiagnosis.Outcome outcome = CompanyDiagnosis.of(company.getKey(), header.subList(1, header.size()),
                    company.getValue(), null, shared);
            diagnosed += outcome.error() == null ? 1 : 0;
        }
        return diagnosed;
    }

    private static void report(String how, long rows, long companies, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("%-22s %,8.1f s  %,12.0f rows/s  %,8.1f companies/s  (%,d companies diagnosed)%n", how,
                seconds, rows / seconds, companies / seconds, companies);
    }
}
