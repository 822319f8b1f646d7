package com.healthadvisor.web.workbench;

import com.healthadvisor.company.NoSuchPeriodException;
import com.healthadvisor.live.NoSuchRuleFileException;
import com.healthadvisor.live.NoSuchVersionException;
import com.healthadvisor.live.RulesChangedElsewhereException;
import com.healthadvisor.live.RulesNotWritableException;
import com.healthadvisor.live.StalePreviewException;
import com.healthadvisor.RuleSetException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** What every workbench page knows (who is signed in), and its errors as pages, not the API's JSON problems. */
@ControllerAdvice(basePackageClasses = WorkbenchAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkbenchAdvice {

    @ModelAttribute("me")
    Me me(Authentication authentication) {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null
                : Me.of(authentication);
    }

    @ExceptionHandler({NoSuchPeriodException.class, NoSuchRuleFileException.class, NoSuchVersionException.class,
            NotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RuntimeException e, Model model, Authentication authentication) {
        return problem(model, authentication, "Not found", e.getMessage());
    }

    @ExceptionHandler({com.healthadvisor.live.NotYourFilesException.class, NotForYourRoleException.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notYourFiles(RuntimeException e, Model model, Authentication authentication) {
        return problem(model, authentication, "Not for your role", e.getMessage());
    }

    /** An editor with as much rule work waiting as one may have: said on a page. */
    @ExceptionHandler(com.healthadvisor.web.RuleChangeThread.BusyException.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String busy(RuntimeException e, Model model, Authentication authentication) {
        return problem(model, authentication, "Busy", e.getMessage());
    }

    /** A file over the upload limit (advisor.max-ledger-size): said on a page, nothing stored. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(MaxUploadSizeExceededException e, Model model, Authentication authentication) {
        return problem(model, authentication, "File too large", "The file is larger than the service takes (16 MB "
                + "for a ledger): nothing was stored. Split the ledger by period, or send it to the API.");
    }

    /** The page every problem is shown on; an exception handler's model has none of the page's attributes. */
    private String problem(Model model, Authentication authentication, String title, String message) {
        model.addAttribute("me", me(authentication));
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "problem";
    }

    /** A page a role may not see. */
    static final class NotForYourRoleException extends RuntimeException {
        NotForYourRoleException(String message) {
            super(message);
        }
    }

    /** A change that met another, or a rules directory that refused it: said on a page, the change not made. */
    @ExceptionHandler({StalePreviewException.class, RulesChangedElsewhereException.class,
            com.healthadvisor.live.ReplicaRefusesSharedRulesException.class, RuleSetException.class,
            RulesNotWritableException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String notApplied(RuntimeException e, Model model, Authentication authentication) {
        return problem(model, authentication, "Not applied", e.getMessage());
    }

    /** A form made on a copy of a rule file that has changed since it was opened: nothing changed, says so. */
    @ExceptionHandler(com.healthadvisor.web.RuleFileVersions.ChangedSinceReadException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String changedSinceOpened(RuntimeException e, Model model, Authentication authentication) {
        return problem(model, authentication, "Changed since you opened it", "Someone changed this file after you "
                + "opened it, so your edit was not previewed: it would have undone theirs. Open it again, and make "
                + "your edit on what it is now.");
    }

    /** A page's subject that does not exist (a preview applied or expired, a code no wording has). */
    static final class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message);
        }
    }
}
