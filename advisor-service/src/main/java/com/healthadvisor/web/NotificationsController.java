package com.healthadvisor.web;

import com.healthadvisor.company.CompanyMemory;
import com.healthadvisor.notify.InvalidNotificationException;
import com.healthadvisor.notify.NoSuchNotificationException;
import com.healthadvisor.notify.Outbox;
import com.healthadvisor.notify.Quiet;
import com.healthadvisor.notify.Subscription;
import com.healthadvisor.notify.Subscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Notifications over HTTP, for analysts and admins: subscriptions (who gets what), silences and acknowledgements
 * (what stays quiet), and the outbox (what went, what waits, what was given up on, and a retry for it).
 */
@Tag(name = "Notifications")
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationsController {

    private final Subscriptions subscriptions;
    private final Quiet quiet;
    private final Outbox outbox;
    private final CompanyMemory memory;
    private final ObjectProvider<JavaMailSender> mail;

    NotificationsController(Subscriptions subscriptions, Quiet quiet, Outbox outbox, CompanyMemory memory,
                            ObjectProvider<JavaMailSender> mail) {
        this.subscriptions = subscriptions;
        this.quiet = quiet;
        this.outbox = outbox;
        this.memory = memory;
        this.mail = mail;
    }

    /** A subscription as the API shows it: never its secret, which only its creation answers with. */
    record SubscriptionView(long id, String name, String channel, String target, List<String> companies,
                            String market, String stage, String health, String minSeverity, boolean onHealthChange,
                            boolean onRuleChange, String digestCron, Instant nextDigest, String createdBy,
                            Instant createdAt, String secret) {

        static SubscriptionView of(Subscription s, boolean withSecret) {
            return new SubscriptionView(s.id(), s.name(), s.channel().word(), s.target(), s.companies(), s.market(),
                    s.stage(), s.health(), s.minSeverity(), s.onHealth(), s.onRules(), s.digestCron(),
                    s.digestNext(), s.createdBy(), s.createdAt(), withSecret ? s.secret() : null);
        }
    }

    @Operation(operationId = "listSubscriptions", summary = "Every subscription, without secrets")
    @GetMapping(value = "/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SubscriptionView> subscriptions() {
        return subscriptions.all().stream().map(s -> SubscriptionView.of(s, false)).toList();
    }

    @Operation(operationId = "addSubscription", summary = "Subscribe a webhook, a Slack webhook or an e-mail "
            + "address; a webhook's signing secret is in this answer only")
    @PostMapping(value = "/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionView subscribe(@RequestBody Subscription.Request request, Authentication caller) {
        if ("email".equals(request.channel()) && mail.getIfAvailable() == null) {
            throw new InvalidNotificationException("e-mail needs an SMTP server: start the service with "
                    + "spring.mail.host (SPRING_MAIL_HOST) and spring.mail.port set");
        }
        return SubscriptionView.of(subscriptions.add(request, caller.getName()), true);
    }

    @Operation(operationId = "deleteSubscription", summary = "End a subscription; its undelivered messages die")
    @DeleteMapping("/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@PathVariable long id) {
        subscriptions.delete(id);
    }

    @Operation(operationId = "listSilences", summary = "The silences in force")
    @GetMapping(value = "/silences", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Quiet.Silence> silences() {
        return quiet.silences();
    }

    @Operation(operationId = "addSilence", summary = "Keep a company's finding quiet until a date, saying why")
    @PostMapping(value = "/silences", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Quiet.Silence silence(@RequestBody Quiet.SilenceRequest request, Authentication caller) {
        return quiet.silence(request, caller.getName());
    }

    @Operation(operationId = "endSilence", summary = "End a silence")
    @DeleteMapping("/silences/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endSilence(@PathVariable long id) {
        quiet.endSilence(id);
    }

    /** What a caller acknowledges: a finding of a company's newest period. */
    record AcknowledgementRequest(String company, String code, String scope) {
    }

    @Operation(operationId = "acknowledgeFinding", summary = "Acknowledge a finding of a company's newest period: "
            + "quiet until it gets worse")
    @PostMapping(value = "/acknowledgements", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Quiet.Acknowledgement acknowledge(@RequestBody AcknowledgementRequest request, Authentication caller) {
        String scope = request.scope() == null ? "company" : request.scope();
        var newest = memory.timeline(request.company() == null ? "" : request.company());
        if (newest.isEmpty()) {
            throw new NoSuchNotificationException("no stored company " + request.company());
        }
        var entry = newest.get(newest.size() - 1);
        String severity = entry.findings() == null ? null : entry.findings().stream()
                .filter(f -> f.code().equals(request.code()) && f.scope().equals(scope))
                .map(com.healthadvisor.company.TimelineEntry.Finding::severity).findFirst().orElse(null);
        if (severity == null) {
            throw new NoSuchNotificationException(request.company() + "'s newest period (" + entry.period()
                    + ") has no finding " + request.code() + " in " + scope);
        }
        return quiet.acknowledge(request.company(), request.code(), scope, severity, caller.getName());
    }

    @Operation(operationId = "listOutbox", summary = "The newest messages: pending, sent or dead")
    @GetMapping(value = "/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Outbox.Message> outbox(@RequestParam(required = false) String state,
                                @RequestParam(defaultValue = "100") int limit) {
        if (state != null && !List.of(Outbox.PENDING, Outbox.SENT, Outbox.DEAD).contains(state)) {
            throw new InvalidNotificationException("state: pending, sent or dead");
        }
        return outbox.list(state, Math.max(1, Math.min(limit, 1000)));
    }

    @Operation(operationId = "retryMessage", summary = "Queue a dead message again, under its key")
    @PostMapping(value = "/outbox/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    Outbox.Message retry(@PathVariable long id) {
        outbox.retry(id);
        return outbox.find(id).orElseThrow();
    }

    @ExceptionHandler(InvalidNotificationException.class)
    ProblemDetail invalid(InvalidNotificationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid notification setting");
        return problem;
    }

    @ExceptionHandler(NoSuchNotificationException.class)
    ProblemDetail missing(NoSuchNotificationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }
}
