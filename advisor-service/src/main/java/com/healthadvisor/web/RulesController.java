package com.healthadvisor.web;

import com.healthadvisor.RuleSetException;
import com.healthadvisor.access.RuleChangeRights;
import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.live.NoSuchRuleFileException;
import com.healthadvisor.live.Preview;
import com.healthadvisor.live.Previews;
import com.healthadvisor.live.RuleAction;
import com.healthadvisor.live.RuleDirectory;
import com.healthadvisor.live.RuleSetVetting;
import com.healthadvisor.ruleset.RuleFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The live rule set and its files: read, validate, replace, add, delete. */
@Tag(name = "Rules")
@RestController
@RequestMapping("/api/v1/rules")
class RulesController {

    private static final long MAX_RULE_FILE_BYTES = 1024 * 1024;
    /** A preview names the files it changes: a few rule files, together at most two megabytes (kept until applied). */
    private static final long MAX_PREVIEW_BYTES = 2 * MAX_RULE_FILE_BYTES;

    private final ActiveRuleSet active;
    private final RuleDirectory directory;
    private final RuleChangeThread changes;
    private final Previews previews;
    private final RuleChangeRights rights;

    RulesController(ActiveRuleSet active, RuleDirectory directory, RuleChangeThread changes, Previews previews,
                    RuleChangeRights rights) {
        this.active = active;
        this.directory = directory;
        this.changes = changes;
        this.previews = previews;
        this.rights = rights;
    }

    @Operation(operationId = "getRuleSet", summary = "The active rule set and the last attempt to change it")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    RuleSetView ruleSet() {
        return RuleSetView.of(active, directory);
    }

    /** The text, and its version as an ETag: send it back in If-Match with a change made on this text. */
    @Operation(operationId = "getRuleFile", summary = "One rule file's text, its version in the ETag header")
    @GetMapping(value = "/files/{name}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> file(@PathVariable String name) {
        String content = directory.file(name).map(RuleFile::content)
                .orElseThrow(() -> new NoSuchRuleFileException(name));
        return ResponseEntity.ok().eTag(RuleFileVersions.etag(content)).body(content);
    }

    // The body is read on the request thread; the compile and the fixtures run on the rule-change thread.

    /** Compiles one file together with the other active files and runs the fixtures; activates nothing. */
    @Operation(operationId = "validateRuleFile",
            summary = "Check one file with the active others and the fixtures; activates nothing",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "text/plain",
                    schema = @Schema(type = "string", description = "the file's whole text, UTF-8"))))
    @PostMapping(value = "/validate", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ValidationView> validate(@RequestParam String name, HttpServletRequest request,
                                               Authentication editor) throws IOException {
        String content = text(request);
        RuleDirectory.Change change = rights.check(editor, RuleAction.VALIDATE, List.of(name), null);
        return changes.submit(editor, () -> {
            try {
                RuleSetVetting.Vetted vetted = directory.validate(name, content, change);
                return new ValidationView(true, vetted.ruleSet().version(), vetted.ruleSet().ruleCount(), List.of(),
                        vetted.movedScenarios().stream().map(RuleSetView.Problem::of).toList());
            } catch (RuleSetException e) {
                return new ValidationView(false, null, 0, e.problems().stream().map(RuleSetView.Problem::of).toList(),
                        List.of());
            }
        });
    }

    /**
     * What changing some files would do, before anything is changed: every fixture whose verdict moves, before and
     * after, the guards it would break, and an id to apply exactly this change with. Body:
     * {@code {"files": {"benchmarks.csv": "...", "old.drl": null}}} (null deletes a file).
     */
    @Operation(operationId = "previewRuleChange",
            summary = "What a change of files would move, in fixtures and stored companies",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = RuleFilesChange.class))))
    @PostMapping(value = "/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<PreviewView> preview(HttpServletRequest request, Authentication editor) throws IOException {
        Map<String, String> files = RuleFilesChange.read(Bodies.read(request, MAX_PREVIEW_BYTES)).files();
        RuleDirectory.Change change = rights.check(editor, RuleAction.PREVIEW, List.copyOf(files.keySet()), null);
        return changes.submit(editor, () -> {
            Preview preview = directory.preview(files, change);
            String id = preview.applicable() ? previews.add(editor.getName(), preview, files).id() : null;
            return PreviewView.of(id, preview);
        });
    }

    /**
     * Applies one's own preview, if the rule set it was made against is still the active one (else 409). A refused
     * apply leaves the preview in place.
     */
    @Operation(operationId = "applyPreview", summary = "Apply a preview's change, if the rules did not change since")
    @PostMapping(value = "/previews/{id}/apply", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<RuleSetView> apply(@PathVariable String id, @RequestParam(required = false) String message,
                                         Authentication editor) {
        Previews.Pending pending = previews.find(editor.getName(), id)
                .orElseThrow(() -> new NoSuchPreviewException(id));
        RuleDirectory.Change change = rights.check(editor, RuleAction.APPLY, List.copyOf(pending.changes().keySet()),
                message);
        return changes.submit(editor, () -> {
            directory.apply(pending, change);
            previews.remove(id);
            return RuleSetView.of(active, directory);
        });
    }

    @Operation(operationId = "putRuleFile", summary = "Replace or add a rule file: vetted, then live at once",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "text/plain",
                    schema = @Schema(type = "string", description = "the file's whole text, UTF-8"))))
    @PutMapping(value = "/files/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<RuleSetView>> put(@PathVariable String name,
                                                        @RequestParam(required = false) String message,
                                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                        HttpServletRequest request, Authentication editor)
            throws IOException {
        String content = text(request);
        RuleDirectory.Change change = rights.check(editor, RuleAction.PUT, List.of(name), message);
        return changes.submit(editor, () -> {
            Optional<String> before = activeText(name);
            RuleFileVersions.check(name, ifMatch, before);
            directory.put(name, content, replacing(change, name, ifMatch, before));
            return ResponseEntity.status(before.isPresent() ? HttpStatus.OK : HttpStatus.CREATED)
                    .eTag(RuleFileVersions.etag(content))
                    .headers(replaced(before))
                    .body(RuleSetView.of(active, directory));
        });
    }

    @Operation(operationId = "deleteRuleFile", summary = "Delete a rule file: vetted, then live at once")
    @DeleteMapping(value = "/files/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<RuleSetView>> delete(@PathVariable String name,
                                                          @RequestParam(required = false) String message,
                                                          @RequestHeader(value = "If-Match", required = false)
                                                          String ifMatch, Authentication editor) {
        RuleDirectory.Change change = rights.check(editor, RuleAction.DELETE, List.of(name), message);
        return changes.submit(editor, () -> {
            Optional<String> before = activeText(name);
            RuleFileVersions.check(name, ifMatch, before);
            directory.delete(name, replacing(change, name, ifMatch, before));
            return ResponseEntity.ok().headers(replaced(before)).body(RuleSetView.of(active, directory));
        });
    }

    /** A file's text in the rule set in force: what a change is made to, whatever a refused edit left on disk. */
    private Optional<String> activeText(String name) {
        return active.current().sources().stream().filter(file -> file.name().equals(name)).map(RuleFile::content)
                .findFirst();
    }

    /**
     * A change sent without If-Match says in its version's message which text it replaced, so that a reader of
     * the history sees that it was made blind.
     */
    private static RuleDirectory.Change replacing(RuleDirectory.Change change, String name, String ifMatch,
                                                  Optional<String> before) {
        if ((ifMatch != null && !ifMatch.isBlank()) || before.isEmpty()) {
            return change;
        }
        String note = "replaced " + name + " " + RuleFileVersions.etag(before.get()).substring(1, 13)
                + " without If-Match";
        return new RuleDirectory.Change(change.actor(), change.message() == null || change.message().isBlank()
                ? note : change.message() + " (" + note + ")", change.mayChangeCode(), change.onWorkbench());
    }

    /** {@code Replaced-ETag}: the version of the file the change replaced, when there was one. */
    private static org.springframework.http.HttpHeaders replaced(Optional<String> before) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        before.ifPresent(content -> headers.set("Replaced-ETag", RuleFileVersions.etag(content)));
        return headers;
    }

    private static String text(HttpServletRequest request) throws IOException {
        String text;
        try {
            // Strict: a byte that is not UTF-8 is refused, not replaced without a word.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Bodies.read(request, MAX_RULE_FILE_BYTES)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8Exception();
        }
        if (text.isBlank()) {
            throw new EmptyRuleFileException();
        }
        return text;
    }

    /** What a preview shows; {@code id} applies it, and is null when it cannot be applied. */
    record PreviewView(String id, String baseVersion, String version, boolean applicable,
                       List<RuleSetView.Problem> errors, List<Preview.Move> moved, List<String> summary,
                       com.healthadvisor.live.StoredPeriods.Compared companies) {

        static PreviewView of(String id, Preview preview) {
            return new PreviewView(id, preview.baseVersion(), preview.version(), preview.applicable(),
                    preview.errors().stream().map(RuleSetView.Problem::of).toList(), preview.moved(),
                    preview.summary(), preview.companies());
        }
    }

    /** An apply of a preview id that is not known (never made, someone else's, already applied, or too old). */
    static class NoSuchPreviewException extends RuntimeException {
        NoSuchPreviewException(String id) {
            super("no preview " + id + " of yours to apply: it was applied already, is older than an hour, or was "
                    + "never made by you");
        }
    }

    /** A rule file whose bytes are not UTF-8. */
    static class NotUtf8Exception extends RuntimeException {
        NotUtf8Exception() {
            super("the body is not valid UTF-8: save the rule file as UTF-8");
        }
    }

    /** A rule file without content: almost certainly a client that did not send the body. */
    static class EmptyRuleFileException extends RuntimeException {
        EmptyRuleFileException() {
            super("the request body is empty: send the file's text (Content-Type: text/plain)");
        }
    }

    /** The outcome of a validation: refused with errors, or accepted with the scenarios it would move. */
    record ValidationView(boolean valid, String version, int rules, List<RuleSetView.Problem> errors,
                          List<RuleSetView.Problem> movedScenarios) {
    }
}
