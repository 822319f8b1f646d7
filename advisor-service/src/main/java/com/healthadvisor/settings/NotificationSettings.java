package com.healthadvisor.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How notifications go out ({@code advisor.notifications.*}); the SMTP server is Spring's {@code spring.mail.*}
 * (SPRING_MAIL_HOST, SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD).
 *
 * @param poll           how often the sender looks for due messages
 * @param maxAttempts    attempts before a message is dead (listed, with a retry)
 * @param from           the sender address of e-mails
 * @param connectTimeout how long a webhook's connection may take
 * @param timeout        how long a webhook's whole answer may take
 * @param claim          how long a sender keeps a batch of messages from the others: after it, a sender killed
 *                       mid-delivery has its messages sent again by another replica or after its restart
 */
@ConfigurationProperties("advisor.notifications")
public record NotificationSettings(@DefaultValue("1s") Duration poll, @DefaultValue("8") int maxAttempts,
                                   @DefaultValue("health-advisor@localhost") String from,
                                   @DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration timeout,
                                   @DefaultValue("60s") Duration claim) {

    public NotificationSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("advisor.notifications.max-attempts must be at least 1 (was "
                    + maxAttempts + ")");
        }
    }
}
