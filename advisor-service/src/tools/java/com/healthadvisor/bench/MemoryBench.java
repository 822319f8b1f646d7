package com.healthadvisor.bench;

import com.healthadvisor.company.CompanyMemory;
import com.healthadvisor.company.Database;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.ledger.LedgerGenerator;
import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;
import com.healthadvisor.snapshot.SnapshotWriter;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The company memory's figures, on the embedded H2 file and on PostgreSQL: snapshots stored and diagnosed one by
 * one (each with its stored history), a 1M-row ledger stored as monthly snapshots, and the timeline of a company
 * with 120 periods.
 */
final class MemoryBench {

    private final PrintWriter out;
    private final RuleSet ruleSet;
    private final boolean quick;
    private final Consumer<String[]> table;

    MemoryBench(PrintWriter out, RuleSet ruleSet, boolean quick, Consumer<String[]> table) {
        this.out = out;
        this.ruleSet = ruleSet;
        this.quick = quick;
        this.table = table;
    }

    void run() throws Exception {
        List<byte[]> months = documents(300, 36, false);
        List<byte[]> bridges = documents(300, 36, true);
        List<Snapshot> decade = LedgerSnapshots.readAll(new StringReader(ledger(300, 120)), null, null, false);
        String million = ledger(50_000, 20);
        Path h2 = Files.createTempDirectory("bench-h2");
        try {
            warmUp("H2 file", "jdbc:h2:file:" + h2.resolve("warm-up"), months, bridges, quick ? 20 : 60);
            measure("H2 file", "jdbc:h2:file:" + h2.resolve("advisor"), months, bridges, decade, million);
        } finally {
            delete(h2);
        }
        String postgres;
        try {
            postgres = LocalPostgres.freshDatabase("bench_memory");
        } catch (RuntimeException e) {
            out.println("company memory on PostgreSQL: not measured: " + e.getMessage());
            return;
        }
        warmUp("PostgreSQL", LocalPostgres.freshDatabase("bench_memory_warm_up"), months, bridges, quick ? 5 : 15);
        measure("PostgreSQL", postgres, months, bridges, decade, million);
    }

    private void measure(String name, String url, List<byte[]> months, List<byte[]> bridges, List<Snapshot> decade,
                         String million) {
        try (Database database = Database.open(url)) {
            CompanyMemory memory = memory(database);
            oneByOne(name, "whole ledger months: bridges, cohorts, slices, 300 customers' revenue", memory, months);
            oneByOne(name, "bridges only", memory, bridges);
            batch(name, memory, months);
            ledger(name, memory, million);
            timeline(name, memory, decade);
        }
    }

    private CompanyMemory memory(Database database) {
        return new CompanyMemory(database.dataSource(), database.transactionManager(), new SnapshotReader(),
                new Advisor(), () -> ruleSet, Clock.systemUTC());
    }

    /** A temporary directory of the bench's, with everything in it. */
    static void delete(Path directory) throws java.io.IOException {
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Stores companies on a database of its own, a ledger's upload and bridges one by one in turn, for a while: the
     * JIT compiles for about a minute of storing here, and the figures after it are a service's that has been storing,
     * not a cold JVM's (the first company's rates are printed as such). The measured database holds what it held
     * before the warm-up was added, so that figures that depend on its size stay comparable.
     */
    private void warmUp(String name, String url, List<byte[]> months, List<byte[]> bridges, int seconds) {
        List<Snapshot> snapshots = months.stream().map(month -> new SnapshotReader().read(month)).toList();
        try (Database database = Database.open(url)) {
            CompanyMemory memory = memory(database);
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            for (int c = 0; c == 0 || System.nanoTime() < deadline; c++) {
                long batch = System.nanoTime();
                memory.putAll("warm-up-batch-" + c, snapshots, "bench");
                long oneByOne = System.nanoTime();
                putAll(memory, "warm-up-bridges-" + c, bridges);
                if (c == 0) {
                    out.printf(Locale.ROOT, "company memory (%s): cold, the first company: %,.0f whole months/s in a "
                            + "batch, %,.0f bridges/s one by one%n", name, months.size() / ((oneByOne - batch) / 1e9),
                            bridges.size() / ((System.nanoTime() - oneByOne) / 1e9));
                }
            }
            out.printf(Locale.ROOT, "company memory (%s): warmed up for %.0f s on a database of its own%n", name,
                    (System.nanoTime() - start) / 1e9);
            out.flush();
        }
    }

    /** Companies of 36 months each, every month stored and diagnosed on its own, oldest first. */
    private void oneByOne(String name, String documents, CompanyMemory memory, List<byte[]> months) {
        int companies = quick ? 4 : 12;
        String prefix = documents.length() + "-" + name.length();
        putAll(memory, "warm-up-" + prefix, months);
        long start = System.nanoTime();
        for (int c = 0; c < companies; c++) {
            putAll(memory, "one-by-one-" + prefix + "-" + c, months);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = companies * months.size() / seconds;
        out.printf(Locale.ROOT, "company memory (%s): %,.0f snapshots/s stored and diagnosed one by one (%d companies "
                + "× %d months of %s, each with its stored history)%n", name, rate, companies, months.size(), documents);
        out.flush();
        boolean bridges = documents.startsWith("bridges");
        table.accept(Bench.row("stored one by one, " + documents.split(":")[0] + " (" + name + ")", rate,
                "snapshots/s", bridges ? ">= 500" : "-", !bridges || rate >= 500));
    }

    /** Companies of 36 whole months each, every company's months stored at once (a ledger's upload). */
    private void batch(String name, CompanyMemory memory, List<byte[]> months) {
        int companies = quick ? 4 : 12;
        List<Snapshot> snapshots = months.stream().map(month -> new SnapshotReader().read(month)).toList();
        memory.putAll("batch-warm-up-" + name.length(), snapshots, "bench");
        long start = System.nanoTime();
        for (int c = 0; c < companies; c++) {
            memory.putAll("batch-" + name.length() + "-" + c, snapshots, "bench");
        }
        double rate = companies * months.size() / ((System.nanoTime() - start) / 1e9);
        out.printf(Locale.ROOT, "company memory (%s): %,.0f whole months/s stored and diagnosed in a batch (%d "
                + "companies × %d months, each company's at once)%n", name, rate, companies, months.size());
        out.flush();
        table.accept(Bench.row("stored in a batch, whole ledger months (" + name + ")", rate, "months/s",
                ">= 1,000", rate >= 1_000));
    }

    private static void putAll(CompanyMemory memory, String company, List<byte[]> months) {
        for (byte[] month : months) {
            memory.put(company, new SnapshotReader().read(month).period(), month, "bench");
        }
    }

    private void ledger(String name, CompanyMemory memory, String csv) {
        long start = System.nanoTime();
        List<Snapshot> months = LedgerSnapshots.readAll(new StringReader(csv), null, null, false);
        memory.putAll("ledger-1m", months, "bench");
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "company memory (%s): ledger of 1,000,000 rows stored as %d monthly snapshots with "
                + "their diagnoses in %.1f s%n", name, months.size(), seconds);
        out.flush();
        table.accept(Bench.row("ledger 1M rows stored (" + name + ")", seconds, "s", "<= 3", seconds <= 3));
    }

    private void timeline(String name, CompanyMemory memory, List<Snapshot> decade) {
        memory.putAll("decade", decade, "bench");
        int runs = quick ? 100 : 300;
        for (int i = 0; i < runs / 2; i++) {
            memory.timeline("decade");
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            int periods = memory.timeline("decade").size();
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (periods != decade.size()) {
                throw new IllegalStateException("the timeline has " + periods + " periods, not " + decade.size());
            }
        }
        Arrays.sort(millis);
        double p50 = millis[runs / 2];
        double p99 = millis[(int) Math.ceil(runs * 0.99) - 1];
        out.printf(Locale.ROOT, "company memory (%s): timeline of %d periods %.1f ms p50, %.1f ms p99 (%d reads)%n",
                name, decade.size(), p50, p99, runs);
        out.flush();
        table.accept(Bench.row("timeline of 120 periods p99 (" + name + ")", p99, "ms", "-", true));
    }

    /** @param bridgesOnly whether to keep only the company's figures, as a monthly submission by hand has */
    private static List<byte[]> documents(int customers, int months, boolean bridgesOnly) {
        return LedgerSnapshots.readAll(new StringReader(ledger(customers, months)), null, null, false).stream()
                .map(s -> bridgesOnly ? new Snapshot(s.company(), s.period(), s.periodicity(), s.currency(),
                        s.profile(), s.figures(), s.targets(), List.of(), List.of(), List.of(), List.of()) : s)
                .map(s -> SnapshotWriter.write(s).getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static String ledger(int customers, int months) {
        StringWriter csv = new StringWriter();
        LedgerGenerator.write(csv, customers, months, 42);
        return csv.toString();
    }
}
