package com.healthadvisor.cli;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.InvalidSnapshotException;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.json.Json;
import com.healthadvisor.report.Reports;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Many snapshots diagnosed with one rule set, so that a script diagnosing a folder pays the start and the rules
 * once. A snapshot that is refused is said (its JSON line carries the problems, or a line on standard error) and
 * the others go on; the command then exits 2.
 */
final class SnapshotBatch {

    private static final int CHUNK = 256;

    private final List<Path> snapshots;
    private final RuleSet ruleSet;
    private final SnapshotReader reader = new SnapshotReader();
    private final Advisor advisor = new Advisor();

    SnapshotBatch(List<Path> snapshots, RuleSet ruleSet) {
        this.snapshots = snapshots;
        this.ruleSet = ruleSet;
    }

    /** More than one argument, or a folder: one argument that is a file (or -) is the single snapshot's way. */
    static boolean isBatch(List<String> arguments) {
        return arguments.size() > 1 || Files.isDirectory(Path.of(arguments.get(0)));
    }

    /** The files named, a folder standing for its {@code *.json} files in name order; each must exist. */
    static List<Path> expand(List<String> arguments) {
        List<Path> snapshots = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-")) {
                throw new UsageException("- (standard input) is for one snapshot, not among several");
            }
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                snapshots.addAll(jsonFilesIn(path));
            } else if (Files.isRegularFile(path)) {
                snapshots.add(path);
            } else {
                throw new UsageException("no such file: " + argument);
            }
        }
        return snapshots;
    }

    /**
     * Prints one JSON line per snapshot, {@code {"file":…,"result":…}} or {@code {"file":…,"refused":[…]}}, in the
     * order given. Snapshots are diagnosed on every core, a chunk at a time, so that memory holds one chunk's lines.
     */
    int printLines(PrintWriter out, PrintWriter err) {
        int refused = 0;
        for (int start = 0; start < snapshots.size(); start += CHUNK) {
            List<Line> lines = snapshots.subList(start, Math.min(start + CHUNK, snapshots.size())).parallelStream()
                    .map(this::line).toList();
            for (Line line : lines) {
                out.println(line.json());
                refused += line.refused() ? 1 : 0;
            }
            out.flush();
        }
        sayRefused(refused, err);
        return refused;
    }

    private record Line(String json, boolean refused) {
    }

    private Line line(Path path) {
        JsonMapper mapper = Json.RESULT_COMPACT;
        try {
            DiagnosisResult result = advisor.diagnose(read(path), ruleSet);
            // The result's bytes as diagnose writes them, compacted: not parsed and written again.
            return new Line("{\"file\":" + mapper.writeValueAsString(path.toString()) + ",\"result\":"
                    + ResultJson.writeCompactText(result) + "}", false);
        } catch (InvalidSnapshotException e) {
            ObjectNode line = mapper.createObjectNode().put("file", path.toString());
            var problems = line.putArray("refused");
            e.violations().forEach(v -> problems.addObject().put("pointer", v.pointer()).put("message", v.message()));
            return new Line(mapper.writeValueAsString(line), true);
        }
    }

    /** Writes each snapshot's result or report into a folder, named as the snapshot's file with the format's ending. */
    int writeEach(Path folder, DiagnoseCommand.Format format, PrintWriter err) {
        Map<Path, Path> targets = targets(folder, format);
        int refused = 0;
        for (Path path : snapshots) {
            try {
                Snapshot snapshot = read(path);
                DiagnosisResult result = advisor.diagnose(snapshot, ruleSet);
                byte[] bytes = switch (format) {
                    case json -> ResultJson.write(result).getBytes(StandardCharsets.UTF_8);
                    case markdown -> Reports.markdown(result, snapshot, ruleSet).getBytes(StandardCharsets.UTF_8);
                    case html -> Reports.html(result, snapshot, ruleSet, false).getBytes(StandardCharsets.UTF_8);
                    case pdf -> Reports.pdf(result, snapshot, ruleSet);
                };
                Files.write(targets.get(path), bytes);
            } catch (InvalidSnapshotException e) {
                refused++;
                err.println(path + ": the snapshot is refused:");
                e.violations().forEach(v -> err.println("  " + v));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + targets.get(path), e);
            }
        }
        sayRefused(refused, err);
        return refused;
    }

    private Snapshot read(Path path) {
        try {
            return reader.read(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UsageException("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Where each report goes; two snapshots of one name (from two folders) would overwrite each other: refused. */
    private Map<Path, Path> targets(Path folder, DiagnoseCommand.Format format) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UsageException("cannot make the folder " + folder + ": " + e.getMessage());
        }
        Map<Path, Path> targets = new HashMap<>();
        Map<Path, Path> byTarget = new HashMap<>();
        for (Path path : snapshots) {
            String name = path.getFileName().toString();
            String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
            Path target = folder.resolve(base + format.ending);
            Path earlier = byTarget.putIfAbsent(target, path);
            if (earlier != null && !earlier.equals(path)) {
                throw new UsageException(earlier + " and " + path + " would both be written to " + target
                        + ": give them different names");
            }
            targets.put(path, target);
        }
        return targets;
    }

    private void sayRefused(int refused, PrintWriter err) {
        if (refused > 0) {
            err.println(refused + " of " + snapshots.size() + " snapshots refused");
            err.flush();
        }
    }

    private static List<Path> jsonFilesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".json") && Files.isRegularFile(path))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UsageException("cannot list " + folder + ": " + e.getMessage());
        }
    }
}
