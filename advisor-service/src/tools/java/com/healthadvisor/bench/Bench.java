package com.healthadvisor.bench;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.ledger.LedgerGenerator;
import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.metrics.MetricCalculator;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetLoader;
import com.healthadvisor.snapshot.SnapshotReader;
import com.healthadvisor.startup.ClassDataArchive;
import com.healthadvisor.startup.ServiceProcess;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * The figures of the benchmark, each printed as one line with its unit as soon as it is known, then a
 * table against the targets. Typical snapshot: seed example 2; large: see {@link LargeSnapshot}.
 */
public final class Bench {

    /** Each steady-load client's pause between requests: 16 clients then offer about 1,000 requests/s. */
    private static final int STEADY_PAUSE_MILLIS = 15;

    /**
     * The pause between rule changes under the steady load: one reload at a time, as an analyst edits, with the
     * GC work each leaves behind still inside the measured window.
     */
    private static final Duration SWAP_GAP = Duration.ofSeconds(1);

    private final PrintWriter out;
    private final Path rules;
    private final Path fixtures;
    private final boolean quick;
    private final List<String[]> table = new ArrayList<>();
    private int edits;

    public Bench(PrintWriter out, Path rules, Path fixtures, boolean quick) {
        this.out = out;
        this.rules = rules;
        this.fixtures = fixtures;
        this.quick = quick;
    }

    /** The JIT needs about ten seconds of a workload before its figures settle; quick runs cut iterations, not that. */
    private Measure.Plan plan(int threads, boolean large) {
        if (quick) {
            return large ? new Measure.Plan(threads, Duration.ofSeconds(4), 2, Duration.ofSeconds(2))
                    : new Measure.Plan(threads, Duration.ofSeconds(8), 3, Duration.ofSeconds(2));
        }
        return new Measure.Plan(threads, Duration.ofSeconds(20), 5, Duration.ofSeconds(6));
    }

    public void run() throws Exception {
        header("");
        // The service first, while the machine is quiet: its start-up is measured from a cold JVM.
        service();
        commandLine();
        engine();
        ruleCompile();
        ledger();
        billingImport();
        memory();
        summary();
    }

    /**
     * The command line as a user runs it, through the launcher: one snapshot (after a first run that fills the
     * compiled-rules cache, kept in a directory of the bench's own), and a folder of 1,000 snapshots in one call.
     */
    private void commandLine() throws Exception {
        Path launcher = Path.of("health-advisor").toAbsolutePath();
        warnWithoutArchive();
        Path work = Files.createTempDirectory("bench-cli");
        Path snapshot = fixtures.resolve("seed-2-warning-signs.json").toAbsolutePath();
        List<Path> seeds;
        try (var files = Files.list(fixtures)) {
            seeds = files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".expected.json"))
                    .sorted().toList();
        }
        Path folder = Files.createDirectories(work.resolve("snapshots"));
        for (int i = 0; i < 1_000; i++) {
            Files.copy(seeds.get(i % seeds.size()), folder.resolve(String.format(Locale.ROOT, "s%04d.json", i)));
        }
        Map<String, String> cache = Map.of("ADVISOR_RULE_CACHE", work.resolve("rule-cache").toString());
        String ruleDirectory = rules.toAbsolutePath().toString();
        double[] one = new double[3];
        double all;
        try {
            launch(launcher, cache, "diagnose", snapshot.toString(), "--rules", ruleDirectory);
            for (int i = 0; i < one.length; i++) {
                one[i] = launch(launcher, cache, "diagnose", snapshot.toString(), "--rules", ruleDirectory);
            }
            all = launch(launcher, cache, "diagnose", folder.toString(), "--rules", ruleDirectory);
        } finally {
            LocalPostgres.deleteTree(work);
        }
        Arrays.sort(one);
        out.printf(Locale.ROOT, "command line: diagnose of one snapshot %.2f s (median of 3; %.2f to %.2f s), a folder "
                + "of 1,000 snapshots %.2f s%n", one[1], one[0], one[2], all);
        out.flush();
        table.add(row("diagnose one snapshot, command line", one[1], "s", "<= 1", one[1] <= 1));
        table.add(row("diagnose a folder of 1,000 snapshots", all, "s", "<= 10", all <= 10));
    }

    /**
     * The launcher maps the commands' class-data archive only when it is newer than the jar (as the build leaves
     * them); a build with {@code -Dexec.skip} leaves the archive of the build before, and the commands then start
     * without one, about a second slower: said, so that the figures below are not taken for the product's.
     */
    private void warnWithoutArchive() throws Exception {
        Path build = Path.of("advisor-service", "target");
        Path archive = build.resolve("service").resolve(ClassDataArchive.CLI_ARCHIVE);
        Path jar = build.resolve(ClassDataArchive.JAR);
        if (!Files.exists(archive) || (Files.exists(jar)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0)) {
            out.println("command line: NOTE the commands' class-data archive is missing or older than the jar (a "
                    + "build with -Dexec.skip): the figures below are without it; ./mvnw -B -q package -DskipTests "
                    + "makes it");
        }
    }

    /** Seconds for one run of the launcher, its output thrown away; a failed run fails the bench. */
    private static double launch(Path launcher, Map<String, String> environment, String... arguments)
            throws Exception {
        return launchMeasured(launcher, environment, arguments).seconds();
    }

    /** Only the in-process figures: what a diagnosis costs and what of it the rules cost. */
    public void runEngine() throws Exception {
        header(", the engine in-process");
        engine();
        summary();
    }

    private void header(String part) {
        out.printf("Health Advisor benchmark%s (%s), %d cores, Java %s%n", part, quick ? "quick" : "full",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    /** A typical and a large snapshot diagnosed in-process, each against its parse-and-facts baseline. */
    private void engine() throws Exception {
        inProcess("typical", Files.readString(fixtures.resolve("seed-2-warning-signs.json")), 10_000, 500);
        engineFloor(Files.readString(fixtures.resolve("seed-2-warning-signs.json")));
        inProcess("large", LargeSnapshot.json(), -1, -1);
    }

    /**
     * The engine's cost when no rule can match: a copy of the rules whose every rule first asks for a context that
     * never is, so the same facts go into the same network and nothing joins, fires or is written. What Drools charges
     * per fact and the advisor's own work around the session; the target is read against it.
     */
    private void engineFloor(String json) throws Exception {
        Path copy = Files.createTempDirectory("bench-rules-matching-nothing");
        try {
            for (RuleFile file : RuleSetLoader.read(rules)) {
                String content = file.name().endsWith(".drl")
                        ? file.content().replaceAll("(?m)^when\\s*$", "when\n    Context(periodicity == \"never\")")
                        : file.content();
                Files.writeString(copy.resolve(file.name()), content);
            }
            AdvisorHarness nothing = AdvisorHarness.fromRules(copy);
            SnapshotReader reader = new SnapshotReader();
            MetricCalculator calculator = new MetricCalculator();
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            int findings = nothing.diagnose(reader.read(bytes)).diagnoses().size();
            if (findings > 0) {
                out.println("rule engine floor: not measured (" + findings + " diagnoses with no rule able to match)");
                return;
            }
            double ratio = Measure.compare(plan(Runtime.getRuntime().availableProcessors(), false),
                    () -> calculator.calculate(reader.read(bytes)), () -> nothing.diagnose(reader.read(bytes))).ratio();
            out.printf(Locale.ROOT, "rule engine floor typical: %.2f × baseline with no rule able to match (the same "
                    + "facts inserted, nothing joined, fired or written)%n", ratio);
            out.flush();
            table.add(row("rule engine floor, no rule matches", ratio, "× baseline", "-", true));
        } finally {
            MemoryBench.delete(copy);
        }
    }

    /** Only the service's figures: its start-up, HTTP and rule reloads under load. */
    public void runService() throws Exception {
        header(", the service");
        service();
        summary();
    }

    /** Only the company memory's figures, on both databases. */
    public void runMemory() throws Exception {
        header(", company memory");
        memory();
        summary();
    }

    private void memory() throws Exception {
        new MemoryBench(out, AdvisorHarness.fromRules(rules).ruleSet(), quick, table::add).run();
    }

    private void inProcess(String name, String json, double targetRate, double targetP99) throws Exception {
        AdvisorHarness advisor = AdvisorHarness.fromRules(rules);
        SnapshotReader reader = new SnapshotReader();
        MetricCalculator calculator = new MetricCalculator();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int threads = Runtime.getRuntime().availableProcessors();
        boolean large = targetRate < 0;
        Measure.Comparison comparison = Measure.compare(plan(threads, large),
                () -> calculator.calculate(reader.read(bytes)), () -> advisor.diagnose(reader.read(bytes)));
        Measure.Result full = comparison.second();
        line("baseline " + name + " (parse + metric facts)", comparison.first());
        line("diagnose " + name + " (in-process, " + threads + " threads)", full);
        double ratio = comparison.ratio();
        out.printf(Locale.ROOT, "rule engine cost %s: %.2f × baseline time per snapshot (median of %d alternated "
                + "iterations)%n", name, ratio, plan(threads, large).iterations());
        out.flush();
        if (targetRate > 0) {
            table.add(row("typical snapshots/s", full.opsPerSecond(), "snapshots/s", ">= 10,000", full.opsPerSecond() >= targetRate));
            table.add(row("typical p99", full.p99Micros(), "µs", "<= 500", full.p99Micros() <= targetP99));
            table.add(row("rule engine cost (typical)", ratio, "× baseline", "<= 2.5", ratio <= 2.5));
        } else {
            table.add(row(name + " snapshots/s", full.opsPerSecond(), "snapshots/s", "-", true));
            table.add(row(name + " rule engine cost", ratio, "× baseline", "-", true));
        }
    }

    private void line(String what, Measure.Result result) {
        out.printf(Locale.ROOT, "%s: %,.0f snapshots/s ± %.1f%%, %.0f µs p50, %.0f µs p99, %.0f µs max%n", what,
                result.opsPerSecond(), result.spreadPercent(), result.p50Micros(), result.p99Micros(), result.maxMicros());
        out.flush();
    }

    private void ruleCompile() {
        List<RuleFile> files = RuleSetLoader.read(rules);
        RuleSetCompiler reusing = new RuleSetCompiler(Clock.systemUTC());
        long start = System.nanoTime();
        reusing.compile(files);
        double cold = (System.nanoTime() - start) / 1e6;
        int runs = quick ? 3 : 8;
        start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            // A new compiler has no KieBase to reuse: each run builds the whole rule set.
            new RuleSetCompiler(Clock.systemUTC()).compile(files);
        }
        double warm = (System.nanoTime() - start) / 1e6 / runs;
        start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            reusing.compile(files);
        }
        double reused = (System.nanoTime() - start) / 1e6 / runs;
        out.printf(Locale.ROOT, "rule set compile: %.0f ms cold, %.0f ms warm (mean of %d); %.1f ms with the DRL "
                + "unchanged, its KieBase reused%n", cold, warm, runs, reused);
        out.flush();
        table.add(row("rule set compile, warm", warm, "ms", "-", true));
        table.add(row("rule set compile, DRL unchanged", reused, "ms", "-", true));
    }

    private void ledger() throws Exception {
        Path file = Files.createTempFile("bench-ledger", ".csv");
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            LedgerGenerator.write(writer, 50_000, 20, 42);
        }
        PeakHeap heap = PeakHeap.start();
        long start = System.nanoTime();
        try (var reader = Files.newBufferedReader(file)) {
            LedgerSnapshots.read(reader, null, null, "USD");
        }
        double millis = (System.nanoTime() - start) / 1e6;
        double megabytes = heap.megabytesAbove();
        Files.deleteIfExists(file);
        out.printf(Locale.ROOT, "ledger import 1,000,000 rows: %.0f ms, %,.0f rows/s, %.0f MB peak heap above idle%n",
                millis, 1_000_000 / (millis / 1000), megabytes);
        out.flush();
        table.add(row("ledger 1M rows", millis, "ms", "<= 5,000", millis <= 5_000));
        table.add(row("ledger peak heap", megabytes, "MB", "<= 512", megabytes <= 512));
    }

    /**
     * A Stripe export of 100,000 subscriptions over 36 months (every interval, trials, coupons, cancellations, three
     * currencies) turned into the ledger through the launcher, as a user runs {@code import stripe}: as shipped, and
     * in a heap of 512 MB, which it must fit.
     */
    private void billingImport() throws Exception {
        Path launcher = Path.of("health-advisor").toAbsolutePath();
        Path work = Files.createTempDirectory("bench-stripe");
        Path export = work.resolve("subscriptions.jsonl");
        Path rates = work.resolve("rates.csv");
        try {
            try (BufferedWriter writer = Files.newBufferedWriter(export)) {
                new com.healthadvisor.imports.GeneratedStripeCompany(100_000, 42).writeJsonLines(writer);
            }
            Files.writeString(rates, com.healthadvisor.imports.GeneratedStripeCompany.ratesCsv());
            String[] command = {"import", "stripe", export.toString(), "--out", work.resolve("ledger.csv").toString(),
                    "--rates", rates.toString(), "--currency", "USD"};
            Launched shipped = launchMeasured(launcher, Map.of(), command);
            Launched bounded = launchMeasured(launcher, Map.of("JAVA_OPTS", "-Xmx512m"), command);
            out.printf(Locale.ROOT, "Stripe import, 100,000 subscriptions over 36 months, ./health-advisor import: %.1f s, "
                    + "%,.0f subscriptions/s, %.0f MB resident at most; in a 512 MB heap (-Xmx512m): %.1f s, %.0f MB "
                    + "resident%n", shipped.seconds(), 100_000 / shipped.seconds(), shipped.residentMegabytes(),
                    bounded.seconds(), bounded.residentMegabytes());
            out.flush();
            table.add(row("Stripe import 100k subscriptions", shipped.seconds(), "s", "<= 10", shipped.seconds() <= 10));
            table.add(row("Stripe import in a 512 MB heap", bounded.seconds(), "s", "runs", true));
        } finally {
            LocalPostgres.deleteTree(work);
        }
    }

    /** One run of the launcher: its seconds, and the most memory its JVM held resident (NaN where that is not told). */
    private record Launched(double seconds, double residentMegabytes) {
    }

    /** As {@link #launch}, reading the JVM's high-water mark of resident memory while it runs (Linux's /proc). */
    private static Launched launchMeasured(Path launcher, Map<String, String> environment, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        // The launcher execs java: its process is the JVM's, whose status holds the peak so far (VmHWM).
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        double peak = Double.NaN;
        while (!process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peak = Math.max(Double.isNaN(peak) ? 0 : peak, residentPeak(status));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue());
        }
        return new Launched(seconds, peak);
    }

    /** VmHWM in megabytes; 0 when the file is gone (the process ended) or says nothing of it. */
    private static double residentPeak(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // Gone between two looks: the peak read before stands.
        }
        return 0;
    }

    private void service() throws Exception {
        // The product's jar on this tool's class path: target/service's when run by ./health-advisor bench.
        Optional<Path> onClassPath = java.util.Arrays.stream(System.getProperty("java.class.path")
                        .split(java.io.File.pathSeparator)).map(entry -> Path.of(entry).toAbsolutePath())
                .filter(entry -> entry.getFileName().toString().equals(ClassDataArchive.JAR)).findFirst();
        if (onClassPath.isEmpty()) {
            out.println("service: skipped (run it as ./health-advisor bench, after a full build)");
            return;
        }
        // The plain start is the fat jar's, beside target/service, when it is there.
        Path fatJar = onClassPath.get().getParent().resolveSibling(ClassDataArchive.JAR);
        Path jar = Files.isRegularFile(fatJar) ? fatJar : onClassPath.get();
        Path copy = Files.createTempDirectory("bench-rules");
        for (RuleFile file : RuleSetLoader.read(rules)) {
            Files.writeString(copy.resolve(file.name()), file.content());
        }
        List<String> options = new ArrayList<>();
        String launch = "java -jar " + jar.getFileName() + ", no class-data archive";
        Optional<Path> archive = ClassDataArchive.besideJar(jar);
        if (archive.isPresent()) {
            if (!quick) {
                try (ServiceProcess plain = ServiceProcess.start(jar, copy, List.of())) {
                    out.printf("service start-up (%s): %d ms to healthy%n", launch, plain.startupMillis);
                    table.add(row("start-up, no archive", plain.startupMillis, "ms", "-", true));
                }
            }
            jar = archive.get().resolveSibling(ClassDataArchive.JAR);
            options.addAll(ServiceProcess.readmeOptions(archive.get()));
            launch = "README's command: target/service with its class-data archive";
        }
        // Not in the rules directory, whose watcher would see every line the JVM writes.
        Path gcFile = Files.createTempFile("bench-service-gc", ".log");
        GcLog gcLog = new GcLog(gcFile);
        options.add(gcLog.option());
        // The bench times DRL edits through the API too, which the operator has to allow.
        try (ServiceProcess service = ServiceProcess.start(jar, copy, options,
                java.util.Map.of("ADVISOR_RULES_NETWORK_DRL", "true"))) {
            out.printf("service start-up (%s): %d ms to healthy%n", launch, service.startupMillis);
            table.add(row("service start-up", service.startupMillis, "ms", "<= 3,000", service.startupMillis <= 3_000));
            Path snapshotFile = fixtures.resolve("seed-2-warning-signs.json");
            String snapshot = Files.readString(snapshotFile);
            double rate;
            double p50;
            double p99;
            long errors;
            String client;
            boolean comparable = Wrk.installedOrInstall();
            if (comparable) {
                double cold = warmUp(service, snapshotFile);
                Wrk.Result wrk = Wrk.run(service.port, snapshotFile, quick ? Duration.ofSeconds(8) : Duration.ofSeconds(30));
                if (wrk.requestsPerSecond() < cold) {
                    out.println("http: the measured round was slower than the first after start: the host was busy");
                }
                rate = wrk.requestsPerSecond();
                p50 = wrk.p50Millis();
                p99 = wrk.p99Millis();
                errors = wrk.errors();
                client = "wrk";
            } else {
                Measure.Result http = Measure.run(new Measure.Plan(16, quick ? Duration.ofSeconds(5)
                        : Duration.ofSeconds(15), quick ? 3 : 5, quick ? Duration.ofSeconds(3) : Duration.ofSeconds(6)),
                        post(service.port, snapshot));
                rate = http.opsPerSecond();
                p50 = http.p50Micros() / 1000;
                p99 = http.p99Micros() / 1000;
                errors = http.errors();
                client = "Java's HttpClient: NOT comparable with wrk's figures, the client takes the cores (apt-get "
                        + "install wrk)";
            }
            out.printf(Locale.ROOT, "http typical, 16 clients on loopback (%s): %,.0f requests/s, %.1f ms p50, "
                    + "%.1f ms p99, %d errors%n", client, rate, p50, p99, errors);
            out.printf("service resident memory after warm-up: %d MB%n", service.residentMegabytes());
            out.flush();
            // The targets hold for wrk's load; another client's figure is shown but not judged.
            table.add(row("http requests/s" + (comparable ? "" : " (not comparable)"), rate, "requests/s",
                    ">= 8,000", comparable && rate >= 8_000));
            table.add(row("http p99" + (comparable ? "" : " (not comparable)"), p99, "ms", "<= 12",
                    comparable && p99 <= 12));
            table.add(row("http errors", errors, "", "0", errors == 0));
            if (comparable) {
                hostCeiling(service.port, snapshotFile, snapshot, onClassPath.get().resolveSibling("lib"));
            }
            table.add(row("service resident memory", service.residentMegabytes(), "MB", "-", true));
            reloads(service.port, snapshotFile, copy, gcLog);
        } finally {
            Files.deleteIfExists(gcFile);
        }
    }

    /**
     * wrk in rounds until the service's JIT is done: under this load it compiles for one to two minutes on two cores
     * (some 3,500 methods on top of the 14,000 of the start, its compiler threads sharing the cores with sixteen
     * request threads), and a figure taken earlier measures the compiler (1,000 requests/s after 30 s, 4,200 after
     * 100 s on 2026-12-07; the rate went on rising after the JIT had slowed down). Settled is two rounds in a row no
     * more than 3% above the best before, the last with the JIT compiling fewer than 10 methods a second (read with
     * the JDK's jstat, where there is one).
     * Returns the first round's rate: what a replica just started serves.
     */
    private double warmUp(ServiceProcess service, Path snapshotFile) throws Exception {
        Duration round = quick ? Duration.ofSeconds(5) : Duration.ofSeconds(10);
        Duration cap = quick ? Duration.ofSeconds(120) : Duration.ofSeconds(240);
        List<String> rates = new ArrayList<>();
        double first = 0;
        double best = 0;
        int flat = 0;
        OptionalLong compiled = JitCompilations.count(service.pid());
        boolean settled = false;
        for (Duration spent = Duration.ZERO; spent.compareTo(cap) < 0 && !settled; spent = spent.plus(round)) {
            double rate = Wrk.run(service.port, snapshotFile, round).requestsPerSecond();
            first = first == 0 ? rate : first;
            flat = rate > best * 1.03 ? 0 : flat + 1;
            best = Math.max(best, rate);
            OptionalLong now = JitCompilations.count(service.pid());
            long lastRound = compiled.isPresent() && now.isPresent() ? now.getAsLong() - compiled.getAsLong() : -1;
            compiled = now;
            settled = flat >= 2 && (lastRound < 0 || lastRound < 10 * round.toSeconds());
            rates.add(String.format(Locale.ROOT, "%,.0f", rate) + (lastRound >= 0 ? " (" + lastRound + ")" : ""));
        }
        out.printf("http warm-up, rounds of %d s until the JIT is done: %s requests/s (methods the JIT compiled in "
                + "the round)%s%n", round.toSeconds(), String.join(", ", rates), settled ? ""
                : "; NOT settled after " + cap.toSeconds() + " s: the figure below still measures the JIT");
        table.add(row("http requests/s, first " + round.toSeconds() + " s after start", first, "requests/s", "-",
                true));
        return first;
    }

    /**
     * The same load against a server that does no work and answers as many bytes: what the host leaves; then against
     * a Spring Boot application that does no work either: what the stack leaves the advisor.
     */
    private void hostCeiling(int port, Path snapshotFile, String snapshot, Path lib) throws Exception {
        int answerBytes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base(port)
                        + "/api/v1/diagnoses")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(snapshot)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body().length;
        Wrk.Result bare = HostCeiling.measure(snapshotFile, answerBytes, Duration.ofSeconds(5),
                quick ? Duration.ofSeconds(8) : Duration.ofSeconds(15));
        out.printf(Locale.ROOT, "http host ceiling (the JDK's HTTP server answering %,d bytes, no work): %,.0f "
                + "requests/s, %.1f ms p99%n", answerBytes, bare.requestsPerSecond(), bare.p99Millis());
        table.add(row("http host ceiling, no work", bare.requestsPerSecond(), "requests/s", "-", true));
        BareSpringBootFloor.Figures spring;
        try {
            spring = BareSpringBootFloor.measure(lib, snapshotFile, answerBytes, quick);
        } catch (IllegalStateException e) {
            out.println("bare Spring Boot web application: not measured: " + e.getMessage());
            return;
        }
        out.printf(Locale.ROOT, "bare Spring Boot web application (Tomcat, Spring MVC, Jackson, Actuator; reads the "
                + "snapshot, answers %,d bytes, nothing of the advisor's): %,d ms to healthy with its own class-data "
                + "archive; %,.0f requests/s, %.1f ms p99%n", answerBytes, spring.startupMillis(),
                spring.http().requestsPerSecond(), spring.http().p99Millis());
        out.flush();
        table.add(row("start-up, bare Spring Boot web app", spring.startupMillis(), "ms", "-", true));
        table.add(row("http bare Spring Boot, no work", spring.http().requestsPerSecond(), "requests/s", "-", true));
    }

    /** A rule change made again and again through the API: its file, and the file's content for the n-th edit. */
    private record Change(String kind, String file, IntFunction<String> edit) {
    }

    /** A wording edit leaves the DRL as it was and reuses its KieBase; a DRL edit compiles a new one. */
    private static List<Change> changes(Path copy) throws Exception {
        String wording = Files.readString(copy.resolve("efficiency.yaml"));
        String drl = Files.readString(copy.resolve("efficiency.drl"));
        return List.of(
                new Change("wording", "efficiency.yaml", n -> wording.replace("Start fundraising or cut burn now",
                        "Start fundraising or cut burn now (" + n + ")")),
                new Change("DRL", "efficiency.drl", n -> drl + "\n// edit " + n + "\n"));
    }

    /**
     * Rule changes through the API: each is checked, run against every fixture and swapped in. Timed with the
     * service idle, then under a steady load, where the slowest request shows what a swap costs clients, and
     * (full run) under wrk's saturating load.
     */
    private void reloads(int port, Path snapshotFile, Path copy, GcLog gcLog) throws Exception {
        List<Change> changes = changes(copy);
        int swaps = quick ? 4 : 10;
        for (Change change : changes) {
            List<Double> idle = swap(port, change, swaps, Duration.ZERO);
            double warm = mean(idle.subList(1, idle.size()));
            out.printf(Locale.ROOT, "rule reload through the API, %s edit (checks + every fixture + swap), idle: "
                    + "%.0f ms (warm mean)%n", change.kind(), warm);
            out.flush();
            table.add(row("rule reload, " + change.kind() + ", idle", warm, "ms", "<= 1,000", warm <= 1_000));
        }
        if (!Wrk.installed()) {
            out.println("rule reload under load: skipped (needs wrk: apt-get install wrk)");
            return;
        }
        if (!quick) {
            saturatedSwaps(port, snapshotFile, changes.get(1), swaps);
        }
        steadySwaps(port, snapshotFile, changes, swaps, gcLog);
    }

    /** Under saturating load one rule-change thread gets a fifth of the CPU: for information, not a target. */
    private void saturatedSwaps(int port, Path snapshotFile, Change change, int swaps) throws Exception {
        Wrk.Running load = Wrk.start(port, snapshotFile, Duration.ofSeconds(30));
        Thread.sleep(2_000);
        double reload = mean(swap(port, change, swaps, Duration.ZERO));
        Wrk.Result result = load.finish();
        out.printf(Locale.ROOT, "rule reload under saturating load (wrk), %s edit: %.0f ms (mean); slowest request "
                + "while swapping: %.1f ms, %d errors%n", change.kind(), reload, result.maxMillis(), result.errors());
        out.flush();
        table.add(row("rule reload, " + change.kind() + ", saturated", reload, "ms", "-", true));
        table.add(row("slowest request, " + change.kind() + ", saturated", result.maxMillis(), "ms", "-", true));
    }

    /**
     * The slowest request while rules are swapped under a steady load (16 clients, each pausing 15 ms between
     * requests: about 1,000 requests/s, a third of the throughput target), beside the same load without swaps.
     * Under saturating load every request queues behind others, so the slowest one measures the queue.
     */
    private void steadySwaps(int port, Path snapshotFile, List<Change> changes, int swaps, GcLog gcLog)
            throws Exception {
        Duration calmLength = Duration.ofSeconds(quick ? 6 : 20);
        // A second of load before the first swap, and room for each swap, its gap and a slow hour after the last.
        Duration length = SWAP_GAP.plusMillis(600).multipliedBy(swaps).plusSeconds(quick ? 3 : 8)
                .truncatedTo(ChronoUnit.SECONDS);
        long mark = gcLog.mark();
        Wrk.Result calm = Wrk.start(port, snapshotFile, calmLength, STEADY_PAUSE_MILLIS).finish();
        out.printf(Locale.ROOT, "steady load (%,.0f requests/s) without swaps: %.1f ms p50, %.1f ms p99, %.1f ms max, "
                + "%d errors%s%n", calm.requestsPerSecond(), calm.p50Millis(), calm.p99Millis(), calm.maxMillis(),
                calm.errors(), longestPause(gcLog, mark));
        table.add(row("slowest request, steady, no swap", calm.maxMillis(), "ms", "-", true));
        for (Change change : changes) {
            mark = gcLog.mark();
            Wrk.Running load = Wrk.start(port, snapshotFile, length, STEADY_PAUSE_MILLIS);
            long start = System.nanoTime();
            Thread.sleep(1_000);
            double reload = mean(swap(port, change, swaps, SWAP_GAP));
            if (Duration.ofNanos(System.nanoTime() - start).compareTo(length) > 0) {
                out.println("(the load ended before the last swap: the slowest request below misses its end)");
            }
            Wrk.Result swapping = load.finish();
            out.printf(Locale.ROOT, "steady load (%,.0f requests/s) while swapping %s edits %d times, %d s apart: "
                    + "%.1f ms p50, %.1f ms p99, %.1f ms max, %d errors; rule reload %.0f ms (mean)%s%n",
                    swapping.requestsPerSecond(), change.kind(), swaps, SWAP_GAP.toSeconds(), swapping.p50Millis(),
                    swapping.p99Millis(), swapping.maxMillis(), swapping.errors(), reload, longestPause(gcLog, mark));
            out.flush();
            table.add(row("rule reload, " + change.kind() + ", steady", reload, "ms", "<= 1,000", reload <= 1_000));
            table.add(row("slowest request, " + change.kind() + " swaps", swapping.maxMillis(), "ms", "<= 50",
                    swapping.maxMillis() <= 50 && swapping.errors() == 0));
        }
    }

    /** "; the service's longest GC pause meanwhile: 21.4 ms (Remark)", or nothing when none was logged. */
    private static String longestPause(GcLog gcLog, long mark) throws Exception {
        return gcLog.longestSince(mark).map(pause -> String.format(Locale.ROOT,
                "; the service's longest GC pause meanwhile: %.1f ms (%s)", pause.millis(), pause.kind())).orElse("");
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private List<Double> swap(int port, Change change, int swaps, Duration gap) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < swaps; i++) {
            if (i > 0) {
                Thread.sleep(gap.toMillis());
            }
            // Every edit differs from the one before it, or there would be nothing to swap.
            String content = change.edit().apply(++edits);
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base(port)
                            + "/api/v1/rules/files/" + change.file())).header("Authorization", "Bearer " + ServiceProcess.TOKEN)
                    .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString(content)).build(),
                    HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("swap refused: " + response.body());
            }
        }
        return millis;
    }

    private static java.util.concurrent.Callable<Object> post(int port, String snapshot) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(port) + "/api/v1/diagnoses"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(snapshot)).build();
        return () -> {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("status " + response.statusCode());
            }
            return null;
        };
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    static String[] row(String figure, double value, String unit, String target, boolean met) {
        String shown = value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
        return new String[] {figure, shown + " " + unit, target, met ? "yes" : "NO"};
    }

    private void summary() {
        out.println();
        out.printf("%-32s %-24s %-12s %s%n", "figure", "measured", "target", "met");
        for (String[] row : table) {
            out.printf("%-32s %-24s %-12s %s%n", (Object[]) row);
        }
        out.flush();
    }
}
