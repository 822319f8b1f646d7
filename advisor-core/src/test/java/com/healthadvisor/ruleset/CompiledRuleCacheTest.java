package com.healthadvisor.ruleset;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.report.ResultJson;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled-rules cache: a second load of the same rules reads the compile back and judges exactly as a fresh
 * compile does; anything not whole, not the user's own or not a rule package is ignored and compiled again.
 */
class CompiledRuleCacheTest {

    private static final Path RULES = Path.of("rules");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path cacheDirectory;

    @Test
    void theSecondLoadReadsTheCompileBackAndJudgesEveryFixtureAsAFreshCompileDoes() throws Exception {
        RuleSet fresh = new RuleSetLoader(CLOCK).load(RULES);
        RuleSet storing = load();
        assertThat(entries()).hasSize(1);
        long stored = Files.getLastModifiedTime(entries().get(0)).toMillis();
        RuleSet cached = load();

        assertThat(Files.getLastModifiedTime(entries().get(0)).toMillis()).as("read, not written again")
                .isEqualTo(stored);
        assertThat(cached.kieBase()).isNotSameAs(storing.kieBase());
        for (Path snapshot : snapshots()) {
            String json = Files.readString(snapshot);
            assertThat(diagnosis(cached, json)).as(snapshot.toString()).isEqualTo(diagnosis(fresh, json));
        }
    }

    @Test
    void theRuleClassesReadBackLoadBehindTheFence() throws Exception {
        load();
        KieBase cached = load().kieBase();
        RuleImpl rule = (RuleImpl) cached.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .findFirst().orElseThrow();
        ClassLoader loader = rule.getConsequence().getClass().getClassLoader();
        List<ClassLoader> chain = new ArrayList<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            chain.add(l);
        }
        assertThat(chain).anyMatch(RuleClassFence.class::isInstance);
        assertThat(chain.indexOf(chain.stream().filter(RuleClassFence.class::isInstance).findFirst().orElseThrow()))
                .as("the fence stands between the rule classes and the application").isPositive();
    }

    @Test
    void aCorruptEntryIsIgnoredAndWrittenAgain() throws Exception {
        load();
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(entry, bytes);

        RuleSet ruleSet = load();

        assertThat(Files.readAllBytes(entry)).isNotEqualTo(bytes);
        assertThat(diagnosis(ruleSet, Files.readString(snapshots().get(0))))
                .isEqualTo(diagnosis(new RuleSetLoader(CLOCK).load(RULES), Files.readString(snapshots().get(0))));
    }

    @Test
    void aTornEntryIsIgnored() throws Exception {
        load();
        Path entry = entries().get(0);
        Files.write(entry, java.util.Arrays.copyOf(Files.readAllBytes(entry), 1000));

        assertThat(load().ruleCount()).isPositive();
        assertThat(Files.size(entry)).isGreaterThan(1000);
    }

    @Test
    void anEntryOthersMayWriteIsNotUsed() throws Exception {
        load();
        Path entry = entries().get(0);
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
        CompiledRuleCache cache = CompiledRuleCache.in(cacheDirectory);

        assertThat(cache.read(RuleSetCompiler.digest(drls()), DrlCompiler.application())).isEmpty();
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-------"));
        assertThat(cache.read(RuleSetCompiler.digest(drls()), DrlCompiler.application())).isPresent();
        Files.setPosixFilePermissions(cacheDirectory, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(cache.read(RuleSetCompiler.digest(drls()), DrlCompiler.application())).isEmpty();
    }

    /** A whole entry with the right hash but something else inside: refused before any class of it is made. */
    @Test
    void anEntryHoldingAnythingButRulePackagesIsRefused() throws Exception {
        load();
        Path entry = entries().get(0);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(payload)) {
            out.writeObject(new ArrayList<>(List.of(new java.io.File("/etc/passwd"))));
        }
        byte[] magic = "health-advisor compiled rules 1\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        forged.write(magic);
        forged.write(MessageDigest.getInstance("SHA-256").digest(payload.toByteArray()));
        forged.write(payload.toByteArray());
        Files.write(entry, forged.toByteArray());

        assertThat(CompiledRuleCache.in(cacheDirectory).read(RuleSetCompiler.digest(drls()),
                DrlCompiler.application())).isEmpty();
        assertThat(load().ruleCount()).isPositive();
    }

    @Test
    void otherRulesAreAnotherEntry() throws Exception {
        load();
        List<RuleFile> edited = new ArrayList<>(RuleSetLoader.read(RULES));
        edited.replaceAll(file -> file.name().equals("growth.drl")
                ? new RuleFile(file.name(), file.content() + "\n// an edit\n") : file);
        new RuleSetCompiler(CLOCK, CompiledRuleCache.in(cacheDirectory)).compile(edited);

        assertThat(entries()).hasSize(2);
    }

    /** Processes starting at once with the same rules each store an entry; whichever lands last is whole. */
    @Test
    void compilesRacingIntoOneCacheLeaveOneWholeEntry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<RuleSet>> loads = List.of(this::load, this::load, this::load);
            for (Future<RuleSet> loaded : pool.invokeAll(loads)) {
                assertThat(loaded.get().ruleCount()).isPositive();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(entries()).hasSize(1);
        try (Stream<Path> files = Files.list(cacheDirectory)) {
            assertThat(files).as("no temporary file left behind")
                    .allMatch(p -> p.toString().endsWith(".rules") || p.toString().endsWith(".inspected"));
        }
        assertThat(CompiledRuleCache.in(cacheDirectory).read(RuleSetCompiler.digest(drls()),
                DrlCompiler.application())).isPresent();
    }

    /** The second load goes by the inspections stored beside the compile: it neither parses nor checks the DRL. */
    @Test
    void theSecondLoadGoesByTheStoredInspections() throws Exception {
        RuleSet fresh = load();
        assertThat(files(".inspected")).hasSize(1);
        Path stored = files(".inspected").get(0);
        long written = Files.getLastModifiedTime(stored).toMillis();
        CompiledRuleCache cache = CompiledRuleCache.in(cacheDirectory);
        Map<String, DrlInspector.Inspection> inspections = cache.inspections(RuleSetCompiler.digest(drls()),
                checkedAgainst()).orElseThrow();
        assertThat(inspections).hasSize(drls().size());

        RuleSet cached = load();
        assertThat(Files.getLastModifiedTime(stored).toMillis()).as("read, not written again").isEqualTo(written);
        assertThat(cached.rules()).isEqualTo(fresh.rules());

        // A stored inspection that says something else (whole, hashed, the user's own) is what a load then reads.
        String growth = RuleSetCompiler.digest(List.of(drls().stream()
                .filter(f -> f.name().equals("growth.drl")).findFirst().orElseThrow())) + checkedAgainst();
        DrlInspector.Inspection real = inspections.get(growth);
        Map<String, DrlInspector.Inspection> renamed = new java.util.HashMap<>(inspections);
        renamed.put(growth, new DrlInspector.Inspection(real.rules().stream()
                .map(r -> new DrlInspector.Declared("stored: " + r.name(), r.line())).toList(), real.emissions(),
                real.notes(), true, real.metricCodes(), real.limitNames()));
        cache.writeInspections(RuleSetCompiler.digest(drls()), checkedAgainst(), renamed);
        assertThat(load().rules().keySet()).anyMatch(name -> name.startsWith("stored: "));
    }

    @Test
    void damagedStoredInspectionsAreIgnoredAndTheFilesInspectedAgain() throws Exception {
        RuleSet fresh = load();
        Path stored = files(".inspected").get(0);
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length - 3] ^= 0x21;
        Files.write(stored, bytes);

        assertThat(load().rules()).isEqualTo(fresh.rules());
        assertThat(Files.readAllBytes(stored)).as("written again, whole").isNotEqualTo(bytes);
        assertThat(CompiledRuleCache.in(cacheDirectory).inspections(RuleSetCompiler.digest(drls()), checkedAgainst()))
                .isPresent();
    }

    @Test
    void otherLimitsAreOtherStoredInspectionsOfTheSameCompile() throws Exception {
        load();
        List<RuleFile> edited = new ArrayList<>(RuleSetLoader.read(RULES));
        edited.replaceAll(file -> file.isLimits() ? new RuleFile(file.name(), file.content() + "\n") : file);
        new RuleSetCompiler(CLOCK, CompiledRuleCache.in(cacheDirectory)).compile(edited);

        assertThat(entries()).hasSize(1);
        assertThat(files(".inspected")).hasSize(2);
    }

    /** A rule set that fails its checks stores its compile, if it compiled, but never its inspections. */
    @Test
    void inspectionsAreStoredOnlyWhenTheWholeRuleSetPassed() throws Exception {
        List<RuleFile> unworded = new ArrayList<>(RuleSetLoader.read(RULES));
        unworded.removeIf(RuleFile::isWording);
        unworded.add(new RuleFile("wording.yaml", "{}\n"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new RuleSetCompiler(CLOCK, CompiledRuleCache.in(cacheDirectory)).compile(unworded))
                .isInstanceOf(com.healthadvisor.RuleSetException.class);

        assertThat(files(".inspected")).isEmpty();
    }

    @Test
    void offTurnsItOff() {
        String before = System.getProperty("advisor.rule-cache");
        try {
            System.setProperty("advisor.rule-cache", "off");
            assertThat(CompiledRuleCache.standard()).isEmpty();
            System.setProperty("advisor.rule-cache", cacheDirectory.toString());
            assertThat(CompiledRuleCache.standard()).map(CompiledRuleCache::directory).contains(cacheDirectory);
        } finally {
            if (before == null) {
                System.clearProperty("advisor.rule-cache");
            } else {
                System.setProperty("advisor.rule-cache", before);
            }
        }
    }

    private RuleSet load() {
        return new RuleSetLoader(new RuleSetCompiler(CLOCK, CompiledRuleCache.in(cacheDirectory))).load(RULES);
    }

    private List<Path> entries() throws Exception {
        return files(".rules");
    }

    private List<Path> files(String suffix) throws Exception {
        try (Stream<Path> files = Files.list(cacheDirectory)) {
            return files.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    private static String checkedAgainst() {
        return RuleSetCompiler.digest(RuleSetLoader.read(RULES).stream().filter(f -> f.isBenchmarks() || f.isLimits())
                .sorted(java.util.Comparator.comparing(RuleFile::name)).toList());
    }

    private static List<RuleFile> drls() {
        return RuleSetLoader.read(RULES).stream().filter(RuleFile::isDrl)
                .sorted(java.util.Comparator.comparing(RuleFile::name)).toList();
    }

    private static List<Path> snapshots() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("fixtures"))) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                    .sorted().toList();
        }
    }

    private static String diagnosis(RuleSet ruleSet, String json) {
        try {
            return ResultJson.write(AdvisorHarness.of(ruleSet).diagnose(json));
        } catch (RuntimeException refused) {
            return refused.toString();
        }
    }
}
