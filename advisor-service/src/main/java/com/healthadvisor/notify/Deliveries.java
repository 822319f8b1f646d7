package com.healthadvisor.notify;

import com.healthadvisor.report.ResultJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Delivers the outbox: claims the due messages, sends each on its subscription's channel, and records the outcome.
 * At least once: a message is marked sent only after its receiver accepted it, so a sender killed in between sends
 * it again (under the same key) once its claim runs out. A failure is tried again after 2, 4, 8... seconds (at
 * most 10 minutes apart); after the last attempt the message is dead, listed with its error and a retry.
 */
public final class Deliveries {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    /** The messages one round claims at once. */
    static final int BATCH = 20;
    /**
     * How deliveries go: attempts before a message is dead, how long a claim keeps other senders off a message
     * (longer than a batch of deliveries may take; a sender killed mid-delivery leaves its messages to others
     * after it), and the sender of e-mail (none without SMTP).
     */
    public record Settings(int maxAttempts, Duration claim, String from, Optional<JavaMailSender> mail) {
    }

    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final Webhooks webhooks;
    private final Settings settings;
    private final MeterRegistry meters;
    private final Clock clock;

    public Deliveries(Outbox outbox, Subscriptions subscriptions, Settings settings, MeterRegistry meters, Clock clock,
                      Duration connectTimeout, Duration timeout) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.webhooks = new Webhooks(connectTimeout, timeout, clock);
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /** Delivers what is due now; the number of messages tried. */
    public int deliverDue() {
        List<Outbox.Message> due = outbox.claimDue(BATCH, settings.claim());
        due.forEach(this::deliver);
        return due.size();
    }

    private void deliver(Outbox.Message message) {
        Optional<Subscription> subscription = subscriptions.find(message.subscriptionId());
        if (subscription.isEmpty()) {
            outbox.failed(message.id(), "the subscription was deleted", Duration.ZERO, true);
            count("none", "dead");
            return;
        }
        Channel channel = subscription.get().channel();
        if (message.attempts() > 0) {
            count(channel.word(), "retried");
        }
        try {
            send(subscription.get(), message);
            outbox.sent(message.id());
            count(channel.word(), "sent");
            Timer.builder("advisor.notifications.latency").description("From a message queued to its receiver "
                            + "accepting it").tag("channel", channel.word()).publishPercentileHistogram()
                    .register(meters).record(Duration.between(message.createdAt(), clock.instant()));
        } catch (DeliveryException | RuntimeException e) {
            boolean dead = message.attempts() + 1 >= settings.maxAttempts();
            String error = e instanceof DeliveryException ? e.getMessage() : e.toString();
            outbox.failed(message.id(), error, dead ? Duration.ZERO : backoff(message.attempts() + 1), dead);
            count(channel.word(), dead ? "dead" : "failed");
            LOG.info("notification {} to {} {}: {}", message.idempotencyKey(), channel.word(),
                    dead ? "given up after " + (message.attempts() + 1) + " attempts" : "failed, tried again", error);
        }
    }

    private void send(Subscription subscription, Outbox.Message message) throws DeliveryException {
        if (message.kind().equals("rules")) {
            RuleAlerts.RulesMessage rules = ResultJson.mapper().readValue(message.payload(),
                    RuleAlerts.RulesMessage.class);
            switch (subscription.channel()) {
                case WEBHOOK -> webhooks.post(subscription.target(), message.payload(), message.idempotencyKey(),
                        subscription.secret());
                case SLACK -> webhooks.post(subscription.target(), SlackMessages.of(rules), message.idempotencyKey(),
                        null);
                case EMAIL -> mail(subscription.target(), message.idempotencyKey(), MailMessages.of(rules));
            }
            return;
        }
        if (message.kind().equals("digest")) {
            Digests.Digest digest = ResultJson.mapper().readValue(message.payload(), Digests.Digest.class);
            mail(subscription.target(), message.idempotencyKey(), new MailMessages.Mail(digest.subject(),
                    digest.text(), digest.html()));
            return;
        }
        switch (subscription.channel()) {
            case WEBHOOK -> webhooks.post(subscription.target(), message.payload(), message.idempotencyKey(),
                    subscription.secret());
            case SLACK -> webhooks.post(subscription.target(), SlackMessages.of(alert(message)), message.idempotencyKey(), null);
            case EMAIL -> mail(subscription.target(), message.idempotencyKey(), MailMessages.of(alert(message)));
        }
    }

    private static AlertMessage alert(Outbox.Message message) {
        return ResultJson.mapper().readValue(message.payload(), AlertMessage.class);
    }

    private void mail(String to, String key, MailMessages.Mail mail) throws DeliveryException {
        JavaMailSender sender = settings.mail().orElseThrow(() -> new DeliveryException("no SMTP server is "
                + "configured: set spring.mail.host (SPRING_MAIL_HOST) and its port"));
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            message.setHeader("X-Health-Advisor-Key", key);
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new DeliveryException("the SMTP server refused it: " + e.getMessage());
        }
    }

    /** 2, 4, 8... seconds after the attempt that failed, at most 10 minutes. */
    static Duration backoff(int attempt) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempt, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void count(String channel, String outcome) {
        Counter.builder("advisor.notifications").description("Notification deliveries by outcome: sent, failed "
                        + "(to be tried again), retried (an attempt after a failure) or dead (given up)")
                .tag("channel", channel).tag("outcome", outcome).register(meters).increment();
    }
}
