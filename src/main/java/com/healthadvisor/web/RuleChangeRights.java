package com.healthadvisor.web;

import com.healthadvisor.live.AuditLog;
import com.healthadvisor.live.RuleDirectory;
import com.healthadvisor.ruleset.RuleFile;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which files an editor's role may change: DRL is code, so only an admin may change it; an analyst changes
 * benchmarks, limits and wording. A refusal is a 403, and a line in the audit log.
 */
@Component
public class RuleChangeRights {

    private final AuditLog audit;

    RuleChangeRights(RuleDirectory directory) {
        this.audit = directory.audit();
    }

    /** The editor's change of these files, named for the version and the audit log, if their role allows it. */
    public RuleDirectory.Change check(Authentication editor, String action, List<String> files, String message) {
        boolean admin = editor.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + SecurityConfiguration.ADMIN));
        List<String> code = files.stream().filter(name -> new RuleFile(name, "").isDrl()).toList();
        if (!admin && !code.isEmpty()) {
            String reason = "the analyst role may change benchmarks, limits and wording, not DRL (" + String.join(", ",
                    code) + "): ask an admin";
            audit.refused(editor.getName(), action, files, reason);
            throw new NotYourFilesException(reason);
        }
        return new RuleDirectory.Change(editor.getName(), message == null || message.isBlank() ? null : message);
    }

    /** A change of files the editor's role may not change. */
    public static class NotYourFilesException extends RuntimeException {
        NotYourFilesException(String reason) {
            super(reason);
        }
    }
}
