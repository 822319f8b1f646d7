package com.healthadvisor.live;

import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.RuleProblem;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetCompiler;
import com.healthadvisor.RuleSetException;
import com.healthadvisor.ruleset.RuleSetLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rules directory of a running service and the only writer to it: the working copy of the rule set whose past
 * is the {@link RuleHistory}. A change is vetted as a whole before anything touches the disk; then each new file is
 * written to a temporary file and moved into place, so that a crash never leaves half a file, and the rule set
 * that went live is recorded as a version. A refused change, or one the disk does not take, leaves the directory
 * as it was, and the audit log says why.
 */
public final class RuleDirectory {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleDirectory.class);

    /** Longer names are refused before they reach the file system, which would refuse them less clearly. */
    static final int MAX_NAME_LENGTH = 100;

    /**
     * Who asks for a change, and why: recorded with the version it makes and in the audit log.
     *
     * @param mayChangeCode whether the change may touch DRL files: rule logic is code, so only an admin over the
     *                      network when the operator allows it, the rules directory itself, and another replica's
     *                      vetted version
     */
    public record Change(String actor, String message, boolean mayChangeCode, boolean onWorkbench) {

        public Change(String actor, String message, boolean mayChangeCode) {
            this(actor, message, mayChangeCode, false);
        }

        /** A change of benchmarks, limits and wording only. */
        public Change(String actor, String message) {
            this(actor, message, false);
        }

        /** The same change, made on the workbench: its versions and meters say so instead of "api". */
        public Change onTheWorkbench() {
            return new Change(actor, message, mayChangeCode, true);
        }
    }

    private final Path directory;
    private final RuleSetVetting vetting;
    private final ActiveRuleSet active;
    private final RuleHistory history;
    private final ReloadObserver observer;
    /** Where accepted changes are published for the other replicas; null for a single instance. */
    private final SharedRuleStore shared;

    public RuleDirectory(Path directory, RuleSetVetting vetting, ActiveRuleSet active, RuleHistory history) {
        this(directory, vetting, active, history, ReloadObserver.NONE, null);
    }

    public RuleDirectory(Path directory, RuleSetVetting vetting, ActiveRuleSet active, RuleHistory history,
                         ReloadObserver observer, SharedRuleStore shared) {
        this.observer = observer;
        this.shared = shared;
        this.directory = directory;
        this.vetting = vetting;
        this.active = active;
        this.history = history;
    }

    public Path path() {
        return directory;
    }

    /** The versions this directory's rule sets went live as, and every attempt to change them. */
    public RuleHistory history() {
        return history;
    }

    /** Whether this replica runs the newest shared rule set; empty for a single instance. */
    public Optional<SharedRuleStore.Status> sharedStatus() {
        return Optional.ofNullable(shared).map(SharedRuleStore::status);
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
    public RuleSetVetting.Vetted validate(String name, String content, Change change) {
        mayChange(List.of(checkedName(name)), RuleAction.VALIDATE, change);
        return vetting.vet(withChanges(activeFiles(), Map.of(name, content)));
    }

    /** Replaces or adds one file; returns the new active rule set and the scenarios it moved. */
    public RuleSetVetting.Vetted put(String name, String content, Change change) {
        return change(RuleAction.PUT, Collections.singletonMap(checkedName(name), content), change);
    }

    /** Removes one file; returns the new active rule set and the scenarios it moved. */
    public synchronized RuleSetVetting.Vetted delete(String name, Change change) {
        if (contentOf(activeFiles(), name) == null) {
            throw new NoSuchRuleFileException(name);
        }
        return change(RuleAction.DELETE, Collections.singletonMap(name, null), change);
    }

    /** What changing these files (null content: deleting the file) would do; activates nothing. */
    public Preview preview(Map<String, String> changes, Change change) {
        mayChange(List.copyOf(checked(changes).keySet()), RuleAction.PREVIEW, change);
        RuleSet base = active.current();
        return vetting.preview(base, withChanges(base.sources(), checked(changes)));
    }

    /**
     * Applies the changes of a preview, if the rule set it was made against is still the active one; vetted again
     * as any change is.
     */
    public synchronized RuleSetVetting.Vetted apply(Previews.Pending pending, Change change) {
        if (!active.current().version().equals(pending.preview().baseVersion())) {
            StalePreviewException stale = new StalePreviewException(pending.id(), pending.preview().baseVersion(),
                    active.current().version());
            history.refused(change.actor(), RuleAction.APPLY, List.copyOf(pending.changes().keySet()),
                    stale.getMessage());
            throw stale;
        }
        return change(RuleAction.APPLY, pending.changes(), change);
    }

    /** Makes a kept version's files the active ones again: a new version, vetted like any change. */
    public synchronized RuleSetVetting.Vetted restore(String id, Change change) {
        RuleHistory.Version version = history.find(id).orElseThrow(() -> new NoSuchVersionException(id));
        return change(RuleAction.RESTORE, differences(activeFiles(), history.files(version)),
                new Change(change.actor(), change.message() != null ? change.message() : "restore of " + id,
                        change.mayChangeCode()));
    }

    /**
     * Makes the rule set another replica published the active one here: vetted with this replica's checks and
     * fixtures like any change, written, activated and recorded as a version; not published again.
     */
    public synchronized RuleSetVetting.Vetted adopt(long number, List<RuleFile> files, Change change) {
        // Names as a row in the database gives them: each must be a plain file of this directory.
        files.forEach(file -> checkedName(file.name()));
        return change(RuleAction.ADOPT, differences(activeFiles(), files), change, number);
    }

    /** The files to write, and to delete (null), to go from one set of files to another. */
    public static Map<String, String> differences(List<RuleFile> from, List<RuleFile> to) {
        Map<String, String> changes = new TreeMap<>();
        for (RuleFile file : to) {
            if (!file.content().equals(contentOf(from, file.name()))) {
                changes.put(file.name(), file.content());
            }
        }
        for (RuleFile file : from) {
            if (contentOf(to, file.name()) == null) {
                changes.put(file.name(), null);
            }
        }
        return changes;
    }

    /**
     * One change of the active files: vetted as a whole, published for the other replicas (when they share the
     * rules), written file by file (each kept in the history first), activated, recorded as a version and in the
     * audit log; or refused, recorded in the audit log, and nothing else touched.
     */
    private synchronized RuleSetVetting.Vetted change(RuleAction action, Map<String, String> changes, Change change) {
        return change(action, changes, change, 0);
    }

    /**
     * @param adopting the shared version a replica adopts (0 for a change made here): already a version of the
     *                 history, so this change is only audited
     */
    private synchronized RuleSetVetting.Vetted change(RuleAction action, Map<String, String> changes, Change change,
                                                      long adopting) {
        Trigger trigger = change.onWorkbench() && action.trigger() == Trigger.API ? Trigger.WORKBENCH : action.trigger();
        String source = trigger.source();
        List<String> names = List.copyOf(changes.keySet());
        // Decided here, under the lock, on the files this change writes now: a restore computed its files when it
        // was asked for, and another change may have landed since.
        mayChange(names, action, change);
        List<RuleFile> current = activeFiles();
        long started = System.nanoTime();
        RuleSetVetting.Vetted vetted;
        long published;
        try {
            vetted = vetting.vet(withChanges(current, changes));
            published = trigger == Trigger.REPLICA ? adopting : publish(vetted, change, trigger);
            changes.forEach(this::replace);
        } catch (RuleSetException e) {
            active.reject(e.problems(), source);
            observer.reloaded(source, false, since(started));
            history.refused(change.actor(), action, names, reason(e.problems()));
            throw e;
        } catch (RulesNotWritableException | RulesChangedElsewhereException | ReplicaRefusesSharedRulesException e) {
            history.refused(change.actor(), action, names, e.getMessage());
            throw e;
        }
        active.activate(vetted, source);
        follow(published);
        observer.reloaded(source, true, since(started));
        record(vetted, change.actor(), action, trigger, change.message(), names, published);
        return vetted;
    }

    /** The DRL files among these names: the ones that are code. */
    public static List<String> codeFiles(List<String> names) {
        return names.stream().filter(name -> new RuleFile(name, "").isDrl()).toList();
    }

    /** Refuses (and audits) a change that touches DRL when its author may not change code. */
    private void mayChange(List<String> names, RuleAction action, Change change) {
        List<String> code = codeFiles(names);
        if (!change.mayChangeCode() && !code.isEmpty()) {
            String reason = "DRL files are rule logic, which is code: " + String.join(", ", code) + " may not be changed "
                    + "by " + change.actor() + " here";
            history.refused(change.actor(), action, names, reason);
            throw new NotYourFilesException(reason);
        }
    }

    /** Publishes an accepted rule set for the other replicas; its number, or 0 for a single instance. */
    private long publish(RuleSetVetting.Vetted vetted, Change change, Trigger trigger) {
        return shared == null ? 0 : shared.publish(vetted.ruleSet(), change.actor(), trigger, change.message());
    }

    private void follow(long published) {
        if (published > 0) {
            shared.follow(published);
        }
    }

    /**
     * A change is live once activated: a version the database refuses is logged, not a failed change. A shared
     * version (published by this change, or adopted) is in the history already: only the audit line is written,
     * naming it, never a version again that could land after a newer one.
     */
    private void record(RuleSetVetting.Vetted vetted, String actor, RuleAction action, Trigger trigger, String message,
                        List<String> files, long shared) {
        try {
            if (shared > 0) {
                history.acceptedAs("v" + shared, actor, action, files);
            } else {
                history.accepted(vetted.ruleSet(), actor, action, trigger, message, files);
            }
        } catch (org.springframework.dao.DataAccessException e) {
            LOG.error("rule set {} is live, but its version could not be recorded: {}", vetted.ruleSet().version(),
                    e.getMessage());
        }
    }

    /** The first three problems, and how many more: how a refusal says why in one line. */
    static String reason(List<RuleProblem> problems) {
        String first = problems.stream().limit(3).map(Object::toString).collect(Collectors.joining("; "));
        return problems.size() > 3 ? first + "; and " + (problems.size() - 3) + " more" : first;
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
            history.refused("disk", RuleAction.DISK, List.of(), reason(e.problems()));
            return;
        }
        // The API writes the files it activates, and the watcher then sees them; or an edit was undone by hand.
        // Either way the disk is the active set again: nothing to vet, and an API refusal's status stays.
        if (RuleSetCompiler.versionOf(files).equals(active.current().version())) {
            active.settle("disk");
            return;
        }
        List<String> changed = List.copyOf(differences(activeFiles(), files).keySet());
        long started = System.nanoTime();
        try {
            RuleSetVetting.Vetted vetted = vetting.vet(files);
            long published = publish(vetted, new Change("disk", null, true), Trigger.DISK);
            active.activate(vetted, "disk");
            follow(published);
            observer.reloaded("disk", true, since(started));
            record(vetted, "disk", RuleAction.DISK, Trigger.DISK, null, changed, published);
        } catch (RuleSetException e) {
            active.reject(e.problems(), "disk");
            observer.reloaded("disk", false, since(started));
            history.refused("disk", RuleAction.DISK, changed, reason(e.problems()));
        } catch (RulesChangedElsewhereException | ReplicaRefusesSharedRulesException e) {
            // The shared rules moved on meanwhile (the follower writes them over this edit), or this replica refuses
            // them (an edit here would build on rules the others no longer run).
            LOG.warn("an edit of the rules directory was not published: {}", e.getMessage());
            history.refused("disk", RuleAction.DISK, changed, e.getMessage());
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String contentOf(List<RuleFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).map(RuleFile::content).findFirst().orElse(null);
    }

    /** A plain file name of the rule set: no path, no hidden file, a known kind, not too long. */
    public static String checkedName(String name) {
        boolean plain = name != null && name.length() <= MAX_NAME_LENGTH && name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*");
        if (!plain || !new RuleFile(name, "").belongsToRuleSet()) {
            throw new InvalidRuleFileNameException(name, MAX_NAME_LENGTH);
        }
        return name;
    }

    /**
     * Writes {@code content} as {@code name} (null deletes it): through a temporary file moved into place, so that
     * a crash never leaves half a file; a disk that refuses leaves nothing behind.
     */
    private void replace(String name, String content) {
        Path temporary = null;
        try {
            if (content != null) {
                temporary = Files.createTempFile(directory, "." + name, ".tmp");
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.delete(directory.resolve(name));
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new RulesNotWritableException(directory, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // What could not be written is refused as a whole; a temporary file left behind is hidden (a dot).
        }
    }
}
