package com.healthadvisor.access;

import com.healthadvisor.live.NotYourFilesException;
import com.healthadvisor.live.RuleDirectory;
import com.healthadvisor.live.RuleAction;
import com.healthadvisor.live.RuleHistory;
import com.healthadvisor.settings.RuleChangeSettings;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which files an editor may change over the network: DRL is code, so it changes on disk unless the operator sets
 * {@code advisor.rules.network-drl}, and then only by an admin; an analyst changes benchmarks, limits and wording.
 * Checked here when a request comes in (a 403, and a line in the audit log), and again by {@link RuleDirectory}
 * under its lock, on the files the change writes when it is applied.
 */
@Component
public class RuleChangeRights {

    private final RuleHistory history;
    private final RuleChangeSettings settings;

    RuleChangeRights(RuleDirectory directory, RuleChangeSettings settings) {
        this.history = directory.history();
        this.settings = settings;
    }

    /** Whether this editor may change DRL over the network: an admin, where the operator allows it. */
    public boolean mayChangeCode(Authentication editor) {
        return settings.networkDrl() && Role.ADMIN.heldBy(editor);
    }

    /** The editor's change of these files, named for the version and the audit log, if they may make it. */
    public RuleDirectory.Change check(Authentication editor, RuleAction action, List<String> files, String message) {
        boolean mayChangeCode = mayChangeCode(editor);
        // A name that is no rule file at all is a bad request (400), whatever the role.
        files.forEach(RuleDirectory::checkedName);
        List<String> code = RuleDirectory.codeFiles(files);
        if (!mayChangeCode && !code.isEmpty()) {
            String reason = !settings.networkDrl()
                    ? "DRL files are rule logic, which is code: they change on disk (the rules directory, rules "
                    + "check, a pull request), not over the network (" + String.join(", ", code) + "); an operator "
                    + "may let admins change them here with advisor.rules.network-drl=true"
                    : "the analyst role may change benchmarks, limits and wording, not DRL (" + String.join(", ", code)
                    + "): ask an admin";
            history.refused(editor.getName(), action, files, reason);
            throw new NotYourFilesException(reason);
        }
        return new RuleDirectory.Change(editor.getName(), message == null || message.isBlank() ? null : message,
                mayChangeCode);
    }
}
