package com.healthadvisor.ruleset;

import com.healthadvisor.RuleSetException;
import com.healthadvisor.RuleProblem;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks and compiles a rule set as a whole: benchmarks, limits, wording and DRL. Either every file
 * compiles and validates and a {@link RuleSet} comes out, or a {@link RuleSetException} lists every
 * problem as {@code file:line: message}.
 */
public final class RuleSetCompiler {

    /** Sessions kept ready per rule set; the pool grows beyond this under load. */
    private static final int SESSION_POOL_SIZE = 4;

    /** A KieBase and its sessions, with the digest of the DRL files it was built from. */
    private record Compiled(String drlDigest, KieBase kieBase, KieSessionsPool sessions) {
    }

    private final Clock clock;
    /**
     * The last KieBase built. A change to wording, benchmarks or limits leaves the DRL as it was, and then the
     * KieBase is reused: no compile, and no new rule classes for the JVM to load now and unload later.
     */
    private final AtomicReference<Compiled> last = new AtomicReference<>();
    private final Inspections inspections = new Inspections();
    private final CompiledRuleCache cache;

    /** A compiler that compiles every rule set it is given (a service vetting changes, a test). */
    public RuleSetCompiler(Clock clock) {
        this(clock, null);
    }

    /**
     * A compiler that first looks for the DRL files' compile in a cache, and stores what it compiles there: for
     * the one-shot commands and embedding programs, which would otherwise compile the same rules at every start.
     */
    public RuleSetCompiler(Clock clock, CompiledRuleCache cache) {
        this.clock = clock;
        this.cache = cache;
    }

    public RuleSet compile(List<RuleFile> all) {
        List<RuleFile> files = all.stream().filter(RuleFile::belongsToRuleSet)
                .sorted(Comparator.comparing(RuleFile::name)).toList();
        List<RuleProblem> problems = new ArrayList<>();
        Benchmarks benchmarks = Benchmarks.parse(required(files, Benchmarks.FILE, problems), problems);
        Limits limits = Limits.parse(required(files, Limits.FILE, problems), problems);
        Map<String, CodeWording> wording = wording(files, problems);
        List<RuleFile> drls = files.stream().filter(RuleFile::isDrl).toList();
        String drlDigest = digest(drls);
        String checkedAgainst = digest(files.stream().filter(f -> f.isBenchmarks() || f.isLimits()).toList());
        Cached cached = readingCache(drls, drlDigest, checkedAgainst);
        if (drls.isEmpty()) {
            problems.add(new RuleProblem("rules", 0, "no .drl file in the rule set"));
        }
        Map<String, RuleSet.RuleInfo> rules = new LinkedHashMap<>();
        Set<String> notes = new TreeSet<>();
        boolean safe = true;
        Set<String> metricCodes = new TreeSet<>();
        boolean allMetrics = false;
        Set<String> limitNames = new TreeSet<>();
        boolean allLimits = false;
        Inspections.Round round = inspections.round(checkedAgainst, benchmarks, limits, cached.inspections().join());
        for (RuleFile drl : drls) {
            DrlInspector.Inspection inspection = round.inspect(drl, problems);
            safe &= inspection.safe();
            allMetrics |= inspection.metricCodes() == null;
            if (inspection.metricCodes() != null) {
                metricCodes.addAll(inspection.metricCodes());
            }
            allLimits |= inspection.limitNames() == null;
            if (inspection.limitNames() != null) {
                limitNames.addAll(inspection.limitNames());
            }
            register(drl, inspection, rules, problems);
            notes.addAll(inspection.notes());
            inspection.emissions().stream().filter(e -> !wording.containsKey(e.code()))
                    .forEach(e -> problems.add(new RuleProblem(drl.name(), e.line(), "rule \"" + e.rule()
                            + "\" emits " + e.code() + ", which no wording file describes")));
        }
        round.keep();
        wording.values().forEach(w -> Explanation.problems(w.explanation(), notes)
                .forEach(message -> problems.add(new RuleProblem(w.file(), w.line(), w.code() + ": " + message))));
        Set<String> whenNotes = new java.util.HashSet<>(notes);
        whenNotes.addAll(CodeWording.ADVISOR_NOTES);
        wording.values().forEach(w -> w.explanationWhen().forEach((note, template) -> {
            if (!whenNotes.contains(note)) {
                problems.add(new RuleProblem(w.file(), w.line(), w.code() + ": explanation_when names \"" + note
                        + "\", a note no rule adds"));
            }
            Explanation.problems(template, whenNotes).forEach(message -> problems.add(new RuleProblem(w.file(), w.line(),
                    w.code() + ": explanation_when " + note + ": " + message)));
        }));
        // A case no rule marks would never get its actions: most likely a misspelt note.
        wording.values().forEach(w -> w.actionsWhen().keySet().stream().filter(note -> !notes.contains(note))
                .forEach(note -> problems.add(new RuleProblem(w.file(), w.line(), w.code() + ": actions_when names \""
                        + note + "\", a note no rule adds"))));
        // Nothing that failed the guard or did not parse reaches the compiler.
        Compiled compiled = drls.isEmpty() || !safe ? null : kieBase(drls, drlDigest, cached.kieBase(), problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        if (cache != null && round.inspectedAny()) {
            cache.writeInspections(drlDigest, checkedAgainst, round.passed());
        }
        return new RuleSet(version(files), clock.instant(), files.stream().map(RuleFile::name).toList(),
                compiled.kieBase(), benchmarks, limits, byCode(wording), Map.copyOf(rules),
                allMetrics ? null : Set.copyOf(metricCodes), limits.facts(allLimits ? null : limitNames),
                compiled.sessions(), List.copyOf(files));
    }

    /** What the cache holds for a rule set's DRL files: their inspections (none: empty) and their compile. */
    private record Cached(CompletableFuture<Map<String, DrlInspector.Inspection>> inspections,
                          CompletableFuture<Optional<KieBase>> kieBase) {
    }

    /**
     * The cache's entries for these DRL files, read on a thread of its own: the inspections first (small), then
     * the compile (a third of a second on a command's cold JVM), which is read while the rest of the rule set is
     * checked. Nothing when the last KieBase is theirs, or there is no cache. Reading an entry runs none of its rules.
     */
    private Cached readingCache(List<RuleFile> drls, String digest, String checkedAgainst) {
        Compiled previous = last.get();
        if (cache == null || drls.isEmpty() || (previous != null && previous.drlDigest().equals(digest))) {
            return new Cached(CompletableFuture.completedFuture(Map.of()),
                    CompletableFuture.completedFuture(Optional.empty()));
        }
        Cached read = new Cached(new CompletableFuture<>(), new CompletableFuture<>());
        Thread reader = new Thread(() -> {
            try {
                read.inspections().complete(cache.inspections(digest, checkedAgainst).orElse(Map.of()));
                read.kieBase().complete(cached(digest));
            } catch (RuntimeException | Error e) {
                read.inspections().completeExceptionally(e);
                read.kieBase().completeExceptionally(e);
            }
        }, "rule-cache-read");
        reader.setDaemon(true);
        reader.start();
        return read;
    }

    /** The last KieBase when these DRL files are the ones it was built from, else a new one; null if they fail. */
    private Compiled kieBase(List<RuleFile> drls, String digest, CompletableFuture<Optional<KieBase>> cached,
                             List<RuleProblem> problems) {
        Compiled previous = last.get();
        if (previous != null && previous.drlDigest().equals(digest)) {
            return previous;
        }
        Optional<KieBase> hit = cached.join();
        KieBase kieBase = hit.orElseGet(() -> DrlCompiler.compile(drls, problems));
        if (kieBase == null) {
            return null;
        }
        if (cache != null && hit.isEmpty()) {
            cache.write(digest, kieBase.getKiePackages());
        }
        Compiled compiled = new Compiled(digest, kieBase, kieBase.newKieSessionsPool(SESSION_POOL_SIZE));
        last.set(compiled);
        return compiled;
    }

    private Optional<KieBase> cached(String digest) {
        return cache == null ? Optional.empty()
                : cache.read(digest, DrlCompiler.application()).map(DrlCompiler::fromPackages);
    }

    /** Ordered by code, so that whatever lists codes from it (not assessed, for one) comes out in order. */
    private static Map<String, CodeWording> byCode(Map<String, CodeWording> wording) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(wording)));
    }

    private static RuleFile required(List<RuleFile> files, String name, List<RuleProblem> problems) {
        Optional<RuleFile> file = files.stream().filter(f -> f.name().equals(name)).findFirst();
        if (file.isEmpty()) {
            problems.add(new RuleProblem(name, 0, "missing: the rule set needs " + name));
        }
        return file.orElse(new RuleFile(name, ""));
    }

    private static Map<String, CodeWording> wording(List<RuleFile> files, List<RuleProblem> problems) {
        Map<String, CodeWording> wording = new HashMap<>();
        for (RuleFile file : files.stream().filter(RuleFile::isWording).toList()) {
            WordingReader.read(file, problems).forEach((code, words) -> {
                CodeWording earlier = wording.putIfAbsent(code, words);
                if (earlier != null) {
                    problems.add(new RuleProblem(file.name(), words.line(), code + " is already worded in "
                            + earlier.file() + ":" + earlier.line()));
                }
            });
        }
        return wording;
    }

    private static void register(RuleFile drl, DrlInspector.Inspection inspection,
                                 Map<String, RuleSet.RuleInfo> rules, List<RuleProblem> problems) {
        for (var rule : inspection.rules()) {
            RuleSet.RuleInfo earlier = rules.get(rule.name());
            if (earlier != null) {
                problems.add(new RuleProblem(drl.name(), rule.line(), "rule \"" + rule.name()
                        + "\" is already defined in " + earlier.file()));
            } else {
                rules.put(rule.name(), new RuleSet.RuleInfo(drl.name(), rule.name(), rules.size()));
            }
        }
    }

    /** The version the given files would have as a rule set: a hash of their names and content. */
    public static String versionOf(List<RuleFile> all) {
        return version(all.stream().filter(RuleFile::belongsToRuleSet).sorted(Comparator.comparing(RuleFile::name))
                .toList());
    }

    private static String version(List<RuleFile> files) {
        return digest(files).substring(0, 8);
    }

    /** A SHA-256 of the files' names and content, in hex. */
    static String digest(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
