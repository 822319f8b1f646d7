package com.healthadvisor.web.workbench;

import com.healthadvisor.Action;
import com.healthadvisor.RuleProblem;
import com.healthadvisor.RuleSetException;
import com.healthadvisor.access.RuleChangeRights;
import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.live.Preview;
import com.healthadvisor.live.Previews;
import com.healthadvisor.live.RuleAction;
import com.healthadvisor.live.RuleDirectory;
import com.healthadvisor.live.RuleHistory;
import com.healthadvisor.ruleset.Band;
import com.healthadvisor.ruleset.CodeWording;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.web.LineDiff;
import com.healthadvisor.web.RuleChangeThread;
import com.healthadvisor.web.RuleFileVersions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Tuning the rules: the bands as a table, each code's wording and actions, the rule files in an editor checked as
 * one types, versions with their diff and restore, and the audit log. Every change goes through a preview of what
 * it would move, fixtures and stored companies, before it is applied; the same vetting and role checks as the API.
 */
@Controller
class RulePages {

    private final ActiveRuleSet active;
    private final RuleDirectory directory;
    private final RuleChangeThread changes;
    private final Previews previews;
    private final RuleChangeRights rights;

    RulePages(ActiveRuleSet active, RuleDirectory directory, RuleChangeThread changes, Previews previews,
              RuleChangeRights rights) {
        this.active = active;
        this.directory = directory;
        this.changes = changes;
        this.previews = previews;
        this.rights = rights;
    }

    /** Every rules page says when the replicas do not all run the same rules. */
    @org.springframework.web.bind.annotation.ModelAttribute("fleet")
    List<FleetRefusal> fleet() {
        return directory.sharedStatus().map(FleetRefusal::of).orElse(List.of());
    }

    @GetMapping("/rules")
    String bands(Model model) {
        model.addAttribute("version", RuleFileVersions.etag(benchmarks()));
        model.addAttribute("rows", BandTable.read(benchmarks()));
        model.addAttribute("tones", Band.TONES);
        model.addAttribute("ruleSet", active.current().version());
        return "bands";
    }

    /** The table as posted, one value per row and column, in the order of the rows shown. */
    @PostMapping("/rules/bands")
    String changeBands(@RequestParam List<Integer> line, @RequestParam List<String> range,
                       @RequestParam List<String> stage, @RequestParam List<String> market,
                       @RequestParam List<String> periodicity, @RequestParam List<String> tone,
                       @RequestParam(required = false) String version, Authentication editor, Model model) {
        String csv = benchmarks();
        RuleFileVersions.check("benchmarks.csv", version, java.util.Optional.of(csv));
        Map<Integer, BandTable.Row> shown = new HashMap<>();
        BandTable.read(csv).forEach(row -> shown.put(row.line(), row));
        Map<Integer, BandTable.Row> edited = new HashMap<>();
        for (int i = 0; i < line.size(); i++) {
            BandTable.Row row = shown.get(line.get(i));
            if (row != null) {
                edited.put(row.line(), new BandTable.Row(row.line(), row.metric(), row.band(), at(range, i),
                        at(stage, i), at(market, i), at(periodicity, i), at(tone, i)));
            }
        }
        return preview(Map.of("benchmarks.csv", BandTable.write(csv, edited)), editor, model, "/rules");
    }

    @GetMapping("/rules/wording")
    String wording(Model model) {
        model.addAttribute("codes", active.current().wording().values().stream()
                .sorted(Comparator.comparing(CodeWording::file).thenComparing(CodeWording::line)).toList());
        return "wording";
    }

    @GetMapping("/rules/wording/{code}")
    String code(@PathVariable String code, Model model) {
        CodeWording wording = wordingOf(code);
        model.addAttribute("code", wording);
        model.addAttribute("version", RuleFileVersions.etag(text(wording.file())));
        List<Action> actions = new ArrayList<>(wording.actions());
        while (actions.size() < 3) {
            actions.add(new Action("", ""));
        }
        model.addAttribute("actions", actions);
        model.addAttribute("owners", Action.OWNERS);
        return "code";
    }

    @PostMapping("/rules/wording/{code}")
    String changeCode(@PathVariable String code, @RequestParam String title, @RequestParam String explanation,
                      @RequestParam List<String> owner, @RequestParam List<String> action,
                      @RequestParam(required = false) String version, Authentication editor, Model model) {
        CodeWording wording = wordingOf(code);
        RuleFileVersions.check(wording.file(), version, java.util.Optional.of(text(wording.file())));
        List<WordingEdit.Action> actions = new ArrayList<>();
        for (int i = 0; i < action.size(); i++) {
            if (!at(action, i).isBlank()) {
                actions.add(new WordingEdit.Action(at(owner, i), at(action, i)));
            }
        }
        String yaml = text(wording.file());
        return preview(Map.of(wording.file(), WordingEdit.apply(yaml, code, wording.line(), title, explanation,
                actions)), editor, model, "/rules/wording/" + code);
    }

    @GetMapping("/rules/files")
    String files(Model model) {
        model.addAttribute("files", directory.files().stream().map(RuleFile::name).sorted().toList());
        return "files";
    }

    @GetMapping("/rules/files/{name}")
    String file(@PathVariable String name, Model model, Authentication editor) {
        RuleFile file = new RuleFile(name, text(name));
        model.addAttribute("name", name);
        model.addAttribute("content", file.content());
        model.addAttribute("version", RuleFileVersions.etag(file.content()));
        model.addAttribute("drl", file.isDrl());
        model.addAttribute("codeWritable", rights.mayChangeCode(editor));
        return "file";
    }

    @PostMapping("/rules/files/{name}")
    String changeFile(@PathVariable String name, @RequestParam String content,
                      @RequestParam(required = false) String version, Authentication editor, Model model) {
        RuleFileVersions.check(name, version, active.current().sources().stream()
                .filter(file -> file.name().equals(name)).map(RuleFile::content).findFirst());
        return preview(Map.of(name, content.replace("\r\n", "\n")), editor, model, "/rules/files/" + name);
    }

    /** The server's checker on the editor's text, as one types: every problem with its file and line. */
    @PostMapping("/rules/files/{name}/check")
    @ResponseBody
    Check check(@PathVariable String name, @RequestParam String content, Authentication editor) {
        RuleDirectory.Change change = rights.check(editor, RuleAction.CHECK, List.of(name), null).onTheWorkbench();
        return onChangeThread(editor, () -> {
            try {
                directory.validate(name, content.replace("\r\n", "\n"), change);
                return new Check(true, List.of());
            } catch (RuleSetException e) {
                return new Check(false, e.problems());
            }
        });
    }

    record Check(boolean valid, List<RuleProblem> problems) {
    }

    @GetMapping("/rules/previews/{id}")
    String preview(@PathVariable String id, Model model, Authentication editor) {
        Previews.Pending pending = previews.find(editor.getName(), id).orElseThrow(() -> new WorkbenchAdvice.NotFoundException(
                "no preview " + id + ": it was applied, or is older than an hour"));
        model.addAttribute("id", id);
        model.addAttribute("preview", pending.preview());
        model.addAttribute("files", List.copyOf(pending.changes().keySet()));
        model.addAttribute("diff", diffOf(pending.changes()));
        model.addAttribute("restores", pending.restores());
        describe(pending.preview(), model);
        return "preview";
    }

    @PostMapping("/rules/previews/{id}/apply")
    String apply(@PathVariable String id, @RequestParam(required = false) String message, Authentication editor) {
        Previews.Pending pending = previews.find(editor.getName(), id).orElseThrow(() ->
                new WorkbenchAdvice.NotFoundException("no preview " + id + ": it was applied, or is older than an hour"));
        RuleDirectory.Change change = rights.check(editor, RuleAction.APPLY, List.copyOf(pending.changes().keySet()),
                message).onTheWorkbench();
        onChangeThread(editor, () -> {
            directory.apply(pending, change);
            previews.remove(id);
            return null;
        });
        return "redirect:/rules/versions?applied=" + active.current().version();
    }

    @GetMapping("/rules/versions")
    String versions(@RequestParam(required = false) String applied, Model model) {
        List<RuleHistory.Version> versions = directory.history().versions();
        model.addAttribute("versions", versions);
        model.addAttribute("activeVersion", active.current().version());
        // One name for people: the version (v3); the rule set's content hash is the name reports carry.
        model.addAttribute("activeId", idOf(versions, active.current().version()));
        model.addAttribute("appliedId", applied == null ? null : idOf(versions, applied));
        return "versions";
    }

    /** The newest version with this rule set, or null when none has it. */
    private static String idOf(List<RuleHistory.Version> versions, String ruleSet) {
        return versions.stream().filter(v -> ruleSet.equals(v.ruleSet())).map(RuleHistory.Version::id).findFirst()
                .orElse(null);
    }

    @GetMapping("/rules/versions/{id}")
    String version(@PathVariable String id, Model model) {
        RuleHistory.Version version = versionOf(id);
        List<RuleFile> before = directory.history().before(id).map(directory.history()::files).orElse(List.of());
        model.addAttribute("version", version);
        model.addAttribute("diff", LineDiff.of(before, directory.history().files(version)).lines().toList());
        return "version";
    }

    /** A restore is a change like any other: previewed first. */
    @PostMapping("/rules/versions/{id}/restore")
    String restore(@PathVariable String id, Authentication editor, Model model) {
        Map<String, String> files = RuleDirectory.differences(active.current().sources(),
                directory.history().files(versionOf(id)));
        if (files.isEmpty()) {
            return "redirect:/rules/versions?unchanged=" + id;
        }
        return preview(files, editor, model, "/rules/versions/" + id, id);
    }

    /** The audit log, newest first: for analysts and admins (AccessRules). */
    @GetMapping("/rules/audit")
    String audit(Model model) {
        List<RuleHistory.Entry> entries = new ArrayList<>(directory.history().audit());
        java.util.Collections.reverse(entries);
        model.addAttribute("entries", entries);
        return "audit";
    }

    /** Previews a change: to its page when it can be applied, else the same page with why not. */
    private String preview(Map<String, String> files, Authentication editor, Model model, String back) {
        return preview(files, editor, model, back, null);
    }

    /** The same, for a change that restores version {@code restores} (null for an edit). */
    private String preview(Map<String, String> files, Authentication editor, Model model, String back,
                           String restores) {
        RuleDirectory.Change change = rights.check(editor, RuleAction.PREVIEW, List.copyOf(files.keySet()), null)
                .onTheWorkbench();
        Map<String, String> changed = new LinkedHashMap<>(files);
        Preview preview = onChangeThread(editor, () -> directory.preview(changed, change));
        if (preview.applicable()) {
            return "redirect:/rules/previews/" + previews.add(editor.getName(), preview, changed, restores).id();
        }
        model.addAttribute("preview", preview);
        model.addAttribute("files", List.copyOf(files.keySet()));
        model.addAttribute("diff", diffOf(changed));
        model.addAttribute("restores", restores);
        model.addAttribute("back", back);
        describe(preview, model);
        return "preview";
    }

    /** The preview in words, and every code's title for the tables (the code itself in a tooltip). */
    private void describe(Preview preview, Model model) {
        Map<String, String> titles = Titles.of(active.current());
        model.addAttribute("titles", titles);
        model.addAttribute("words", PreviewWords.of(preview, code -> titles.getOrDefault(code, code)));
    }

    /** The changed files against the active rule set's, as the lines of a unified diff (null content: deleted). */
    private List<String> diffOf(Map<String, String> changes) {
        List<RuleFile> before = active.current().sources().stream().filter(f -> changes.containsKey(f.name())).toList();
        List<RuleFile> after = changes.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> new RuleFile(e.getKey(), e.getValue())).toList();
        return LineDiff.of(before, after).lines().toList();
    }

    private <T> T onChangeThread(Authentication editor, Supplier<T> work) {
        try {
            return changes.submit(editor, work).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private String benchmarks() {
        return text("benchmarks.csv");
    }

    private String text(String name) {
        return directory.file(name).map(RuleFile::content)
                .orElseThrow(() -> new com.healthadvisor.live.NoSuchRuleFileException(name));
    }

    private CodeWording wordingOf(String code) {
        CodeWording wording = active.current().wording().get(code);
        if (wording == null) {
            throw new WorkbenchAdvice.NotFoundException("no code " + code + " in the rules' wording");
        }
        return wording;
    }

    private RuleHistory.Version versionOf(String id) {
        return directory.history().find(id).orElseThrow(() -> new com.healthadvisor.live.NoSuchVersionException(id));
    }

    private static String at(List<String> values, int index) {
        return index < values.size() && values.get(index) != null ? values.get(index) : "";
    }
}
