package com.healthadvisor.live;

import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.ruleset.RuleSetException;
import com.healthadvisor.ruleset.RuleSetLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules directory of a running service and the only writer to it. A change is vetted as a whole
 * before anything touches the disk; then the new file is written to a temporary file, the replaced one is
 * kept in the {@link RuleHistory}, and the new one is moved into place, so that a crash never leaves half a
 * file. A refused change, or one the disk does not take, leaves the directory and its history as they were.
 */
public final class RuleDirectory {

    /** Longer names are refused before they reach the file system, which would refuse them less clearly. */
    static final int MAX_NAME_LENGTH = 100;

    private final Path directory;
    private final RuleSetVetting vetting;
    private final ActiveRuleSet active;
    private final RuleHistory history;

    public RuleDirectory(Path directory, RuleSetVetting vetting, ActiveRuleSet active, RuleHistory history) {
        this.directory = directory;
        this.vetting = vetting;
        this.active = active;
        this.history = history;
    }

    public Path path() {
        return directory;
    }

    /** Where the fixtures that vet a change are, or that they are missing: said, never skipped in silence. */
    public String fixturesStatus() {
        return (vetting.hasFixtures() ? "" : "missing: ") + vetting.fixtures().toAbsolutePath().normalize();
    }

    public List<RuleFile> files() {
        return RuleSetLoader.read(directory);
    }

    public Optional<RuleFile> file(String name) {
        return files().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The files of the active rule set: a change is made to these, whatever a refused edit left on disk. */
    private List<RuleFile> activeFiles() {
        return active.current().sources();
    }

    /** Vets the active files with one file replaced or added; activates nothing. */
    public RuleSetVetting.Vetted validate(String name, String content) {
        return vetting.vet(withFile(activeFiles(), checkedName(name), content));
    }

    /** Replaces or adds one file; returns the new active rule set and the scenarios it moved. */
    public synchronized RuleSetVetting.Vetted put(String name, String content) {
        List<RuleFile> current = activeFiles();
        RuleSetVetting.Vetted vetted = vetOrReject(withFile(current, checkedName(name), content));
        replace(name, contentOf(current, name), content);
        active.activate(vetted, "api");
        return vetted;
    }

    /** Removes one file; returns the new active rule set and the scenarios it moved. */
    public synchronized RuleSetVetting.Vetted delete(String name) {
        List<RuleFile> current = activeFiles();
        String previous = contentOf(current, name);
        if (previous == null) {
            throw new NoSuchRuleFileException(name);
        }
        List<RuleFile> remaining = new ArrayList<>(current);
        remaining.removeIf(f -> f.name().equals(name));
        RuleSetVetting.Vetted vetted = vetOrReject(remaining);
        replace(name, previous, null);
        active.activate(vetted, "api");
        return vetted;
    }

    /** What changing these files (null content: deleting the file) would do; activates nothing. */
    public Preview preview(Map<String, String> changes) {
        RuleSet base = active.current();
        return vetting.preview(base, withChanges(base.sources(), checked(changes)));
    }

    /**
     * Applies the changes of a preview, if the rule set it was made against is still the active one; vetted again
     * as any change is, and written file by file as {@link #put} writes one.
     */
    public synchronized RuleSetVetting.Vetted apply(Previews.Pending pending) {
        if (!active.current().version().equals(pending.preview().baseVersion())) {
            throw new StalePreviewException(pending.id(), pending.preview().baseVersion(), active.current().version());
        }
        List<RuleFile> current = activeFiles();
        RuleSetVetting.Vetted vetted = vetOrReject(withChanges(current, pending.changes()));
        pending.changes().forEach((name, content) -> replace(name, contentOf(current, name), content));
        active.activate(vetted, "api");
        return vetted;
    }

    private static Map<String, String> checked(Map<String, String> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("name at least one file to change");
        }
        changes.keySet().forEach(RuleDirectory::checkedName);
        return changes;
    }

    private static List<RuleFile> withChanges(List<RuleFile> current, Map<String, String> changes) {
        List<RuleFile> files = new ArrayList<>(current);
        changes.forEach((name, content) -> {
            files.removeIf(f -> f.name().equals(name));
            if (content != null) {
                files.add(new RuleFile(name, content));
            }
        });
        return files;
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
        // The API writes the files it activates, and the watcher then sees them; or an edit was undone by hand.
        // Either way the disk is the active set again: nothing to vet, and an API refusal's status stays.
        if (RuleSetCompiler.versionOf(files).equals(active.current().version())) {
            active.settle("disk");
            return;
        }
        try {
            active.activate(vetting.vet(files), "disk");
        } catch (RuleSetException e) {
            active.reject(e.problems(), "disk");
        }
    }

    private RuleSetVetting.Vetted vetOrReject(List<RuleFile> files) {
        try {
            return vetting.vet(files);
        } catch (RuleSetException e) {
            active.reject(e.problems(), "api");
            throw e;
        }
    }

    private static String contentOf(List<RuleFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).map(RuleFile::content).findFirst().orElse(null);
    }

    private static List<RuleFile> withFile(List<RuleFile> current, String name, String content) {
        List<RuleFile> files = new ArrayList<>(current);
        files.removeIf(f -> f.name().equals(name));
        files.add(new RuleFile(name, content));
        return files;
    }

    /** A plain file name of the rule set: no path, no hidden file, a known kind, not too long. */
    static String checkedName(String name) {
        boolean plain = name != null && name.length() <= MAX_NAME_LENGTH && name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*");
        if (!plain || !new RuleFile(name, "").belongsToRuleSet()) {
            throw new InvalidRuleFileNameException(name, MAX_NAME_LENGTH);
        }
        return name;
    }

    /**
     * Writes {@code content} as {@code name} (null deletes it), keeping {@code previous} (null: there was none) in
     * the history. Each step that fails undoes the ones before it, so a disk that refuses leaves nothing recorded.
     */
    private void replace(String name, String previous, String content) {
        Path temporary = null;
        Path kept = null;
        try {
            if (content != null) {
                temporary = Files.createTempFile(directory, "." + name, ".tmp");
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
            }
            kept = previous == null ? null : history.keep(name, previous);
            if (content != null) {
                Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.delete(directory.resolve(name));
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            deleteQuietly(kept);
            throw new RulesNotWritableException(directory, e);
        }
        history.prune();
    }

    private static void deleteQuietly(Path path) {
        try {
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // What could not be written could not be kept either; the change itself is refused.
        }
    }
}
