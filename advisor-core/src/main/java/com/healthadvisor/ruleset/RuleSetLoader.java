package com.healthadvisor.ruleset;

import com.healthadvisor.RuleSetException;
import com.healthadvisor.RuleProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Optional;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/** Loads the rule set of a directory: every rule set file directly in it (subdirectories are not read). */
public final class RuleSetLoader {

    private final RuleSetCompiler compiler;

    public RuleSetLoader(Clock clock) {
        this(new RuleSetCompiler(clock));
    }

    public RuleSetLoader(RuleSetCompiler compiler) {
        this.compiler = compiler;
    }

    /**
     * The rule set of a directory, its {@code loaded_at} being when the files last changed: a snapshot diagnosed
     * twice from the command line or an embedding program gives the same bytes twice. The DRL's compile is kept in
     * the {@link CompiledRuleCache#standard() standard cache}, so the next run with the same rules skips it.
     */
    public static RuleSet loadAsLastChanged(Path directory) {
        Clock changed = Clock.fixed(lastChanged(directory), ZoneOffset.UTC);
        return new RuleSetLoader(new RuleSetCompiler(changed, CompiledRuleCache.standard().orElse(null))).load(directory);
    }

    public RuleSet load(Path directory) {
        return compiler.compile(read(directory));
    }

    /**
     * When the directory's rule set files last changed: the one-shot commands' {@code loaded_at}, so that the
     * same snapshot and the same rules give the same bytes in every run. The epoch when there is nothing to read.
     */
    public static Instant lastChanged(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Instant.EPOCH;
        }
        try (Stream<Path> paths = Files.list(directory)) {
            Instant newest = Instant.EPOCH;
            for (Path path : paths.toList()) {
                if (new RuleFile(path.getFileName().toString(), "").belongsToRuleSet()) {
                    Instant changed = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
                    newest = changed.isAfter(newest) ? changed : newest;
                }
            }
            return newest.truncatedTo(ChronoUnit.MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    public static List<RuleFile> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RuleSetException(List.of(new RuleProblem(directory.toString(), 0,
                    "not a directory: give the rules directory with --rules DIR")));
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.sorted().toList()) {
                String name = path.getFileName().toString();
                if (!new RuleFile(name, "").belongsToRuleSet()) {
                    continue;
                }
                // A link could make the service read, serve and copy a file from anywhere on the machine.
                if (Files.isSymbolicLink(path) || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(new RuleProblem(name, 0, "not a plain file: rule files must be regular files in "
                            + "the rules directory, not links or directories"));
                    continue;
                }
                readText(path, problems).ifPresent(text -> files.add(new RuleFile(name, text)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return files;
    }

    /** The file's text; a byte that is not UTF-8 is a problem, never replaced without a word. */
    private static Optional<String> readText(Path path, List<RuleProblem> problems) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString());
        } catch (CharacterCodingException e) {
            problems.add(new RuleProblem(path.getFileName().toString(), 0, "not valid UTF-8: save the file as UTF-8"));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
