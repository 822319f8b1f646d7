package com.healthadvisor.live;

import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleProblem;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetException;
import com.healthadvisor.ruleset.RuleSetLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules directory of a running service and the only writer to it. A change is vetted as a whole
 * before anything touches the disk; then the replaced file is kept under {@code .history/} and the new
 * one is written to a temporary file and moved into place, so that a crash never leaves half a file.
 * A refused change leaves the directory exactly as it was.
 */
public final class RuleDirectory {

    static final String HISTORY = ".history";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final RuleSetVetting vetting;
    private final ActiveRuleSet active;
    private final Clock clock;

    public RuleDirectory(Path directory, RuleSetVetting vetting, ActiveRuleSet active, Clock clock) {
        this.directory = directory;
        this.vetting = vetting;
        this.active = active;
        this.clock = clock;
    }

    public Path path() {
        return directory;
    }

    public List<RuleFile> files() {
        return RuleSetLoader.read(directory);
    }

    public Optional<RuleFile> file(String name) {
        return files().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Compiles the active files with one file replaced or added; activates nothing. */
    public RuleSet validate(String name, String content) {
        return vetting.vet(withFile(checkedName(name), content));
    }

    /** Replaces or adds one file; returns the new active rule set. */
    public synchronized RuleSet put(String name, String content) {
        RuleSet vetted = vetOrReject(withFile(checkedName(name), content));
        keepHistory(name);
        writeAtomically(name, content);
        active.activate(vetted, "api");
        return vetted;
    }

    /** Removes one file; returns the new active rule set. */
    public synchronized RuleSet delete(String name) {
        if (file(name).isEmpty()) {
            throw new NoSuchRuleFileException(name);
        }
        List<RuleFile> remaining = new ArrayList<>(files());
        remaining.removeIf(f -> f.name().equals(name));
        RuleSet vetted = vetOrReject(remaining);
        keepHistory(name);
        try {
            Files.delete(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + name, e);
        }
        active.activate(vetted, "api");
        return vetted;
    }

    /** Reloads whatever is on disk now; keeps the active rule set when the files do not vet. */
    public synchronized void reloadFromDisk() {
        List<RuleFile> files;
        try {
            files = files();
        } catch (RuleSetException e) {
            active.reject(e.problems(), "disk");
            return;
        }
        // The API writes the files it activates; the watcher then sees the same content again.
        if (RuleSetCompiler.versionOf(files).equals(active.current().version()) && active.lastAttempt().succeeded()) {
            return;
        }
        try {
            RuleSet vetted = vetting.vet(files);
            if (!vetted.version().equals(active.current().version()) || !active.lastAttempt().succeeded()) {
                active.activate(vetted, "disk");
            }
        } catch (RuleSetException e) {
            active.reject(e.problems(), "disk");
        }
    }

    private RuleSet vetOrReject(List<RuleFile> files) {
        try {
            return vetting.vet(files);
        } catch (RuleSetException e) {
            active.reject(e.problems(), "api");
            throw e;
        }
    }

    private List<RuleFile> withFile(String name, String content) {
        List<RuleFile> files = new ArrayList<>(files());
        files.removeIf(f -> f.name().equals(name));
        files.add(new RuleFile(name, content));
        return files;
    }

    /** A plain file name of the rule set: no path, no hidden file, a known kind. */
    static String checkedName(String name) {
        boolean plain = name != null && name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*");
        if (!plain || !new RuleFile(name, "").belongsToRuleSet()) {
            throw new RuleSetException(List.of(new RuleProblem(String.valueOf(name), 0,
                    "not a rule set file name: use NAME.drl, NAME.yaml, benchmarks.csv or limits.csv")));
        }
        return name;
    }

    private void keepHistory(String name) {
        Path current = directory.resolve(name);
        if (!Files.exists(current)) {
            return;
        }
        try {
            Path history = Files.createDirectories(directory.resolve(HISTORY));
            Files.copy(current, history.resolve(name + "." + STAMP.format(clock.instant())),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the previous version of " + name, e);
        }
    }

    private void writeAtomically(String name, String content) {
        try {
            Path temporary = Files.createTempFile(directory, "." + name, ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
    }
}
