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
            assertThat(files).as("no temporary file left behind").allMatch(p -> p.toString().endsWith(".rules"));
        }
        assertThat(CompiledRuleCache.in(cacheDirectory).read(RuleSetCompiler.digest(drls()),
                DrlCompiler.application())).isPresent();
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
        try (Stream<Path> files = Files.list(cacheDirectory)) {
            return files.filter(p -> p.toString().endsWith(".rules")).toList();
        }
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
