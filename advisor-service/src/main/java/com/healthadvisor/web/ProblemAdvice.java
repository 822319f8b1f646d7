package com.healthadvisor.web;

import com.healthadvisor.InvalidLedgerException;
import com.healthadvisor.InvalidSnapshotException;
import com.healthadvisor.RuleSetException;
import com.healthadvisor.diagnosis.EngineException;
import com.healthadvisor.live.InvalidRuleFileNameException;
import com.healthadvisor.live.NoSuchRuleFileException;
import com.healthadvisor.live.NoSuchVersionException;
import com.healthadvisor.live.ReplicaRefusesSharedRulesException;
import com.healthadvisor.live.RulesChangedElsewhereException;
import com.healthadvisor.live.RulesNotWritableException;
import com.healthadvisor.live.StalePreviewException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/** Every error as RFC 9457 problem details; never a stack trace. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidSnapshotException.class)
    ProblemDetail invalidSnapshot(InvalidSnapshotException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid snapshot",
                e.violations().size() == 1 ? e.violations().get(0).toString()
                        : e.violations().size() + " fields are wrong; see errors");
        problem.setProperty("errors", e.violations().stream()
                .map(v -> new FieldError(v.pointer(), v.message())).toList());
        return problem;
    }

    @ExceptionHandler(InvalidLedgerException.class)
    ProblemDetail invalidLedger(InvalidLedgerException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid ledger",
                e.problems().size() == 1 ? e.problems().get(0) : e.problems().size() + " problems; see errors");
        problem.setProperty("errors", e.problems().stream().map(Detail::new).toList());
        return problem;
    }

    @ExceptionHandler(com.healthadvisor.InvalidImportException.class)
    ProblemDetail invalidImport(com.healthadvisor.InvalidImportException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid billing export",
                e.problems().size() == 1 ? e.problems().get(0) : e.problems().size() + " problems; see errors");
        problem.setProperty("errors", e.problems().stream().map(Detail::new).toList());
        return problem;
    }

    @ExceptionHandler(RuleSetException.class)
    ProblemDetail ruleSetRefused(RuleSetException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Rule set refused",
                "the change was not applied; the active rule set is unchanged");
        List<RuleSetView.Problem> errors = e.problems().stream().map(RuleSetView.Problem::of).toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(RulesController.EmptyRuleFileException.class)
    ProblemDetail emptyRuleFile(RulesController.EmptyRuleFileException e) {
        return problem(HttpStatus.BAD_REQUEST, "Empty rule file", e.getMessage());
    }

    @ExceptionHandler(NoSuchRuleFileException.class)
    ProblemDetail noSuchFile(NoSuchRuleFileException e) {
        return problem(HttpStatus.NOT_FOUND, "No such rule file", e.getMessage());
    }

    @ExceptionHandler(InvalidRuleFileNameException.class)
    ProblemDetail invalidName(InvalidRuleFileNameException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid rule file name", e.getMessage());
    }

    @ExceptionHandler(RulesNotWritableException.class)
    ProblemDetail notWritable(RulesNotWritableException e) {
        LOG.error("a rule change could not be written: {}", e.getMessage(), e.getCause());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Rules directory not writable", e.getMessage());
    }

    @ExceptionHandler(RulesController.NotUtf8Exception.class)
    ProblemDetail notUtf8(RulesController.NotUtf8Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "Not UTF-8", e.getMessage());
    }

    @ExceptionHandler(com.healthadvisor.live.NotYourFilesException.class)
    ProblemDetail notYourFiles(com.healthadvisor.live.NotYourFilesException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed for this role", e.getMessage());
    }

    /** An actor with as much rule work waiting as one may have: try again shortly. */
    @ExceptionHandler(RuleChangeThread.BusyException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> busy(RuleChangeThread.BusyException e) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(RuleChangeThread.RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many rule changes waiting", e.getMessage()));
    }

    @ExceptionHandler(com.healthadvisor.snapshot.NotUtf8Exception.class)
    ProblemDetail notUtf8Document(com.healthadvisor.snapshot.NotUtf8Exception e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not UTF-8", e.getMessage());
    }

    /** A rule file changed since the client read it: 412, with the version it has now in the ETag header. */
    @ExceptionHandler(RuleFileVersions.ChangedSinceReadException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> changedSinceRead(RuleFileVersions.ChangedSinceReadException e) {
        var answer = org.springframework.http.ResponseEntity.status(HttpStatus.PRECONDITION_FAILED);
        if (e.current != null) {
            answer.eTag(e.current);
        }
        return answer.body(problem(HttpStatus.PRECONDITION_FAILED, "Changed since read", e.getMessage()));
    }

    @ExceptionHandler(NoSuchVersionException.class)
    ProblemDetail noSuchVersion(NoSuchVersionException e) {
        return problem(HttpStatus.NOT_FOUND, "No such version", e.getMessage());
    }

    @ExceptionHandler(RulesChangedElsewhereException.class)
    ProblemDetail rulesChangedElsewhere(RulesChangedElsewhereException e) {
        return problem(HttpStatus.CONFLICT, "Rules changed on another replica", e.getMessage());
    }

    @ExceptionHandler(ReplicaRefusesSharedRulesException.class)
    ProblemDetail replicaRefuses(ReplicaRefusesSharedRulesException e) {
        return problem(HttpStatus.CONFLICT, "This replica refuses the shared rules", e.getMessage());
    }

    @ExceptionHandler(StalePreviewException.class)
    ProblemDetail stalePreview(StalePreviewException e) {
        return problem(HttpStatus.CONFLICT, "Stale preview", e.getMessage());
    }

    @ExceptionHandler(RulesController.NoSuchPreviewException.class)
    ProblemDetail noSuchPreview(RulesController.NoSuchPreviewException e) {
        return problem(HttpStatus.NOT_FOUND, "No such preview", e.getMessage());
    }

    @ExceptionHandler(RuleFilesChange.BadPreviewRequestException.class)
    ProblemDetail badPreview(RuleFilesChange.BadPreviewRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid preview request", e.getMessage());
    }

    @ExceptionHandler(com.healthadvisor.company.NoSuchPeriodException.class)
    ProblemDetail noSuchPeriod(com.healthadvisor.company.NoSuchPeriodException e) {
        return problem(HttpStatus.NOT_FOUND, "Not stored", e.getMessage());
    }

    /**
     * The database gave up waiting (another write of the same company held its lock longer than a minute, a very
     * large ledger): the transaction was rolled back, so trying again is safe.
     */
    @ExceptionHandler(org.springframework.dao.TransientDataAccessException.class)
    ProblemDetail busy(org.springframework.dao.TransientDataAccessException e) {
        LOG.warn("a database operation timed out or clashed: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", "the database is busy (another write of this company "
                + "may be in progress); nothing was stored, try again");
    }

    /**
     * The database went away during a request the gate let through (the watch had not noticed yet): nothing was
     * stored or changed; the same 503 the gate gives.
     */
    @ExceptionHandler(org.springframework.dao.DataAccessResourceFailureException.class)
    ProblemDetail databaseAway(org.springframework.dao.DataAccessResourceFailureException e) {
        return databaseUnavailable(e);
    }

    private static ProblemDetail databaseUnavailable(RuntimeException e) {
        LOG.warn("the database did not answer during a request: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", "the database does not answer: "
                + "nothing was stored or changed; diagnoses go on, try this again in a few seconds");
    }

    @ExceptionHandler({com.healthadvisor.company.InvalidCompanyNameException.class,
            CompanyController.BadRequestException.class})
    ProblemDetail badCompanyRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", e.getMessage());
    }

    @ExceptionHandler(EngineException.class)
    ProblemDetail engine(EngineException e) {
        LOG.warn("evaluation failed: {}", e.getMessage());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Evaluation failed", e.getMessage());
    }

    /** Refused by method security: back to the security filters, which answer 401 or 403 as for any request. */
    @ExceptionHandler(AccessDeniedException.class)
    void accessDenied(AccessDeniedException e) {
        throw e;
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        if (PatientConnections.databaseAway(e)) {
            // However Spring wrapped it (a transaction that could not begin, a statement on a connection the
            // server closed): the database went away during the request.
            return databaseUnavailable(e);
        }
        LOG.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "an unexpected error; see the service log");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** Records, not maps: their keys come out in the same order every time. */
    record FieldError(String pointer, String detail) {
    }

    record Detail(String detail) {
    }
}
