package com.healthadvisor.web;

import com.healthadvisor.access.RuleChangeRights;
import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.live.NoSuchVersionException;
import com.healthadvisor.live.RuleAction;
import com.healthadvisor.live.RuleDirectory;
import com.healthadvisor.live.RuleHistory;
import com.healthadvisor.ruleset.RuleFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The versions of the rule set: list, show, diff and restore one, and the audit log of every change attempt. */
@Tag(name = "Rules")
@RestController
@RequestMapping("/api/v1/rules")
class RuleVersionsController {

    private final ActiveRuleSet active;
    private final RuleDirectory directory;
    private final RuleChangeThread changes;
    private final RuleChangeRights rights;

    RuleVersionsController(ActiveRuleSet active, RuleDirectory directory, RuleChangeThread changes,
                           RuleChangeRights rights) {
        this.active = active;
        this.directory = directory;
        this.changes = changes;
        this.rights = rights;
    }

    /** The versions kept, newest first: id, time, actor, message and the files each changed. */
    @Operation(operationId = "listRuleVersions", summary = "The rule set versions kept, newest first")
    @GetMapping(value = "/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<VersionView> versions() {
        return directory.history().versions().stream().map(VersionView::of).toList();
    }

    /** One version and the text of each of its files. */
    @Operation(operationId = "getRuleVersion", summary = "One version and its files")
    @GetMapping(value = "/versions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    VersionFilesView version(@PathVariable String id) {
        RuleHistory.Version version = versionOf(id);
        Map<String, String> files = new LinkedHashMap<>();
        directory.history().files(version).forEach(file -> files.put(file.name(), file.content()));
        return new VersionFilesView(VersionView.of(version), files);
    }

    /** What changed between two versions ({@code against} defaults to the one before), as a unified diff per file. */
    @Operation(operationId = "diffRuleVersion", summary = "A version's changes as a unified diff")
    @GetMapping(value = "/versions/{id}/diff", produces = MediaType.TEXT_PLAIN_VALUE)
    String diff(@PathVariable String id, @RequestParam(required = false) String against) {
        RuleHistory.Version version = versionOf(id);
        RuleHistory.Version base = against != null ? versionOf(against)
                : directory.history().before(id).orElse(null);
        List<RuleFile> before = base == null ? List.of() : directory.history().files(base);
        return LineDiff.of(before, directory.history().files(version));
    }

    /** Makes a kept version's files the active ones again: a new version, vetted like any change. */
    @Operation(operationId = "restoreRuleVersion", summary = "Make a kept version the active one again")
    @PostMapping(value = "/versions/{id}/restore", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<RuleSetView> restore(@PathVariable String id, @RequestParam(required = false) String message,
                                           Authentication editor) {
        RuleHistory.Version version = versionOf(id);
        List<String> files = List.copyOf(RuleDirectory.differences(active.current().sources(),
                directory.history().files(version)).keySet());
        if (files.isEmpty()) {
            // Its files are the active ones already: nothing to change, and no version to make.
            return CompletableFuture.completedFuture(RuleSetView.of(active, directory));
        }
        // Checked now for a prompt answer, and again when applied, on the files that differ then.
        RuleDirectory.Change change = rights.check(editor, RuleAction.RESTORE, files, message);
        return changes.submit(editor, () -> {
            directory.restore(id, change);
            return RuleSetView.of(active, directory);
        });
    }

    /** Every attempt to change the rules, accepted or refused, oldest first: for editors only. */
    @Operation(operationId = "getRuleAudit", summary = "Every attempt to change the rules, accepted or refused")
    @GetMapping(value = "/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RuleHistory.Entry> audit() {
        return directory.history().audit();
    }

    private RuleHistory.Version versionOf(String id) {
        return directory.history().find(id).orElseThrow(() -> new NoSuchVersionException(id));
    }

    /** One version, without its files' text. */
    record VersionView(String id, java.time.Instant at, String actor, String trigger, String message,
                       String ruleSetVersion, List<String> changed, List<String> files) {

        static VersionView of(RuleHistory.Version version) {
            return new VersionView(version.id(), version.at(), version.actor(), version.trigger(), version.message(),
                    version.ruleSet(), version.changed(), List.copyOf(version.files().keySet()));
        }
    }

    /** One version with the text of each of its files. */
    record VersionFilesView(VersionView version, Map<String, String> files) {
    }
}
