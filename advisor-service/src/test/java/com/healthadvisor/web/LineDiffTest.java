package com.healthadvisor.web;

import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleSetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version's diff is a unified diff that git applies: to the files before it, it gives the files after, for
 * generated edits of every kind (lines changed, added and removed anywhere, files added and removed, a last line
 * without its newline).
 */
class LineDiffTest {

    @Test
    void aBandChangeReadsAsOneHunkWithItsLineNumbers() {
        List<RuleFile> before = List.of(new RuleFile("benchmarks.csv", "metric,band,range\nnrr,good,100% to 120%\n"
                + "nrr,excellent,> 120%\n"));
        List<RuleFile> after = List.of(new RuleFile("benchmarks.csv", "metric,band,range\nnrr,good,100% to 125%\n"
                + "nrr,excellent,> 125%\n"));

        assertThat(LineDiff.of(before, after)).isEqualTo("""
                --- a/benchmarks.csv
                +++ b/benchmarks.csv
                @@ -1,3 +1,3 @@
                 metric,band,range
                -nrr,good,100% to 120%
                -nrr,excellent,> 120%
                +nrr,good,100% to 125%
                +nrr,excellent,> 125%
                """);
    }

    @Test
    void gitAppliesEveryGeneratedDiffToGiveTheFilesAfter(@TempDir Path temp) throws Exception {
        List<RuleFile> catalog = RuleSetLoader.read(Path.of("rules"));
        Random random = new Random(20261206);
        for (int round = 0; round < 40; round++) {
            List<RuleFile> before = pick(catalog, random);
            List<RuleFile> after = edited(before, random);
            Path tree = Files.createDirectories(temp.resolve("round-" + round));
            write(tree, before);
            Path patch = temp.resolve("round-" + round + ".diff");
            Files.writeString(patch, LineDiff.of(before, after));

            String applied = git(tree, "apply", "--check", patch.toString()) + git(tree, "apply", patch.toString());

            assertThat(applied).as("round %d:%n%s", round, Files.readString(patch)).isEmpty();
            for (RuleFile file : after) {
                assertThat(tree.resolve(file.name())).as("round %d", round).hasContent(file.content());
            }
            try (var left = Files.list(tree)) {
                assertThat(left.filter(Files::isRegularFile).count()).as("round %d", round).isEqualTo(after.size());
            }
        }
    }

    private static List<RuleFile> pick(List<RuleFile> catalog, Random random) {
        List<RuleFile> picked = new ArrayList<>();
        for (RuleFile file : catalog) {
            if (random.nextInt(3) == 0) {
                picked.add(file);
            }
        }
        return picked.isEmpty() ? List.of(catalog.get(0)) : picked;
    }

    /** Each file kept, removed or changed at random; sometimes a new file; sometimes the final newline dropped. */
    private static List<RuleFile> edited(List<RuleFile> before, Random random) {
        List<RuleFile> after = new ArrayList<>();
        for (RuleFile file : before) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    // removed
                }
                case 1 -> after.add(file);
                default -> after.add(new RuleFile(file.name(), changed(file.content(), random)));
            }
        }
        if (random.nextBoolean()) {
            after.add(new RuleFile("added-" + random.nextInt(1000) + ".yaml", "code: X\nwords: " + random.nextInt()
                    + (random.nextBoolean() ? "\n" : "")));
        }
        return after;
    }

    private static String changed(String content, Random random) {
        List<String> lines = new ArrayList<>(List.of(content.split("\n", -1)));
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(3)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, "# inserted " + random.nextInt(100));
                default -> lines.set(at, lines.get(at) + " changed");
            }
        }
        String text = String.join("\n", lines);
        return random.nextInt(4) == 0 ? text.stripTrailing() : text;
    }

    private static void write(Path tree, List<RuleFile> files) throws IOException {
        for (RuleFile file : files) {
            Files.writeString(tree.resolve(file.name()), file.content());
        }
    }

    /** git's output when it refuses, else nothing; a missing git fails the test. */
    private static String git(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() == 0 ? "" : output + " (exit " + process.exitValue() + ")";
    }
}
