package com.healthadvisor.web;

import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.live.NoSuchRuleFileException;
import com.healthadvisor.live.RuleDirectory;
import com.healthadvisor.ruleset.RuleFile;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.ruleset.RuleSetException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The live rule set and its files: read, validate, replace, add, delete. */
@RestController
@RequestMapping("/api/v1/rules")
class RulesController {

    private static final long MAX_RULE_FILE_BYTES = 1024 * 1024;
    /** The same decision as the filter chain's, at the handler: whatever path reaches it was authorized. */
    private static final String ADMIN_ONLY = "hasRole('" + SecurityConfiguration.ADMIN + "')";

    private final ActiveRuleSet active;
    private final RuleDirectory directory;
    private final RuleChangeThread changes;

    RulesController(ActiveRuleSet active, RuleDirectory directory, RuleChangeThread changes) {
        this.active = active;
        this.directory = directory;
        this.changes = changes;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    RuleSetView ruleSet() {
        return RuleSetView.of(active.current(), active.lastAttempt());
    }

    @GetMapping(value = "/files/{name}", produces = MediaType.TEXT_PLAIN_VALUE)
    String file(@PathVariable String name) {
        return directory.file(name).map(RuleFile::content).orElseThrow(() -> new NoSuchRuleFileException(name));
    }

    // The body is read on the request thread; the compile and the fixtures run on the rule-change thread.

    /** Compiles one file together with the other active files and runs the fixtures; activates nothing. */
    @PreAuthorize(ADMIN_ONLY)
    @PostMapping(value = "/validate", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ValidationView> validate(@RequestParam String name, HttpServletRequest request)
            throws IOException {
        String content = text(request);
        return changes.submit(() -> {
            try {
                RuleSet candidate = directory.validate(name, content);
                return new ValidationView(true, candidate.version(), candidate.ruleCount(), List.of());
            } catch (RuleSetException e) {
                return new ValidationView(false, null, 0, e.problems().stream().map(RuleSetView.Problem::of).toList());
            }
        });
    }

    @PreAuthorize(ADMIN_ONLY)
    @PutMapping(value = "/files/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<RuleSetView>> put(@PathVariable String name, HttpServletRequest request)
            throws IOException {
        String content = text(request);
        return changes.submit(() -> {
            boolean existed = directory.file(name).isPresent();
            RuleSet ruleSet = directory.put(name, content);
            return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(RuleSetView.of(ruleSet, active.lastAttempt()));
        });
    }

    @PreAuthorize(ADMIN_ONLY)
    @DeleteMapping(value = "/files/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<RuleSetView> delete(@PathVariable String name) {
        return changes.submit(() -> RuleSetView.of(directory.delete(name), active.lastAttempt()));
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

    /** The outcome of a validation. */
    record ValidationView(boolean valid, String version, int rules, List<RuleSetView.Problem> errors) {
    }
}
