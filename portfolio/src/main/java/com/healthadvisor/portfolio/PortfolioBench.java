package com.healthadvisor.portfolio;

import com.healthadvisor.RuleFiles;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures the job as shipped on this machine: a generated portfolio ledger (companies × customers × months rows)
 * read, diagnosed and written (Parquet and JSON lines) by Spark in local mode with each of the given masters, and
 * the same rows read, diagnosed company by company and written as JSON lines in one thread of one JVM without
 * Spark. Every way runs once on a small ledger first, so that none pays the rule set's compile or the JIT's warm-up
 * for the others; then each is measured once, in the same minutes. Prints rows/s for each and local[2] against
 * local[1].
 *
 * <pre>PortfolioBench [companies 1000] [customers 100] [months 24] [masters local[1],local[2]]</pre>
 */
public final class PortfolioBench {

    private PortfolioBench() {
    }

    public static void main(String[] args) throws IOException {
        int companies = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int months = args.length > 2 ? Integer.parseInt(args[2]) : 24;
        List<String> masters = List.of((args.length > 3 ? args[3] : "local[1],local[2]").split(","));
        Path rules = Path.of("rules");
        Path work = Files.createTempDirectory("portfolio-bench");
        try {
            Path warmUp = ledger(work.resolve("warm-up.csv"), 60, customers, months);
            oneThread(warmUp, rules, work.resolve("warm-up-one"));
            for (String master : masters) {
                spark(master, warmUp, rules, work.resolve("warm-up-spark"));
            }

            Path ledger = ledger(work.resolve("portfolio.csv"), companies, customers, months);
            long rows = Files.lines(ledger).count() - 1;
            System.out.printf(Locale.ROOT, "ledger: %,d companies × %d customers × %d months = %,d rows, %,d MB%n",
                    companies, customers, months, rows, Files.size(ledger) >> 20);
            long started = System.nanoTime();
            long diagnosed = oneThread(ledger, rules, work.resolve("one"));
            double oneThread = report("one thread, no Spark", rows, diagnosed, System.nanoTime() - started);
            Map<String, Double> rates = new LinkedHashMap<>();
            for (String master : masters) {
                started = System.nanoTime();
                diagnosed = spark(master, ledger, rules, work.resolve(master.replaceAll("\\W", "")));
                rates.put(master, report("spark " + master, rows, diagnosed, System.nanoTime() - started));
            }
            if (rates.containsKey("local[1]") && rates.containsKey("local[2]")) {
                System.out.printf(Locale.ROOT, "local[2] against local[1]: %.2f× (target at least 1.6×); against "
                        + "one thread: %.2f×%n", rates.get("local[2]") / rates.get("local[1]"),
                        rates.get("local[2]") / oneThread);
            }
        } finally {
            delete(work);
        }
    }

    private static Path ledger(Path file, int companies, int customers, int months) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            PortfolioLedger.write(out, companies, customers, months, 7);
        }
        return file;
    }

    /** The job as README runs it, in a session of its own: read, diagnose, write. */
    private static long spark(String master, Path ledger, Path rules, Path out) throws IOException {
        try (SparkSession spark = SparkSession.builder().master(master).appName("portfolio-bench")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            return PortfolioJob.run(spark, new PortfolioJob.Options(ledger.toString(), out.toString(), null, rules,
                    master));
        }
    }

    /** The rows read and grouped by company in memory, each company diagnosed in turn, the results written. */
    private static long oneThread(Path ledger, Path rules, Path out) throws IOException {
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
        try (BufferedWriter results = Files.newBufferedWriter(out)) {
            for (Map.Entry<String, List<List<String>>> company : byCompany.entrySet()) {
                CompanyDiagnosis.Outcome outcome = CompanyDiagnosis.of(company.getKey(),
                        header.subList(1, header.size()), company.getValue().iterator(), null, shared);
                results.write(outcome.result() == null ? "{}" : outcome.result());
                results.newLine();
                diagnosed += outcome.error() == null ? 1 : 0;
            }
        }
        return diagnosed;
    }

    private static double report(String how, long rows, long companies, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%-22s %,8.1f s  %,12.0f rows/s  %,8.1f companies/s  (%,d companies)%n", how,
                seconds, rows / seconds, companies / seconds, companies);
        return rows / seconds;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
