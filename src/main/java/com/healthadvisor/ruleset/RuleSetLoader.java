package com.healthadvisor.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

    public RuleSet load(Path directory) {
        return compiler.compile(read(directory));
    }

    public static List<RuleFile> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RuleSetException(List.of(new RuleProblem(directory.toString(), 0,
                    "not a directory: give the rules directory with --rules DIR")));
        }
        try (Stream<Path> paths = Files.list(directory)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> new RuleFile(path.getFileName().toString(), readText(path)))
                    .filter(RuleFile::belongsToRuleSet)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static String readText(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
