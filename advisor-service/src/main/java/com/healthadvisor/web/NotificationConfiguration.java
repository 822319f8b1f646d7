package com.healthadvisor.web;

import com.healthadvisor.company.CompanyMemory;
import com.healthadvisor.notify.Alerts;
import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.notify.Deliveries;
import com.healthadvisor.notify.Digests;
import com.healthadvisor.notify.RuleAlerts;
import com.healthadvisor.live.Previews;
import com.healthadvisor.notify.Outbox;
import com.healthadvisor.notify.Quiet;
import com.healthadvisor.notify.Subscriptions;
import com.healthadvisor.settings.NotificationSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Optional;

/** Wires notifications: the stores, alerts queued with each company write, and the sender. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    Subscriptions subscriptions(DataSource dataSource, Clock clock) {
        return new Subscriptions(dataSource, clock);
    }

    @Bean
    Outbox outbox(DataSource dataSource, Clock clock) {
        return new Outbox(dataSource, clock);
    }

    @Bean
    Quiet quiet(DataSource dataSource, Clock clock) {
        return new Quiet(dataSource, clock);
    }

    /** Every write of a company queues the alerts its newest period calls for, in the write's transaction. */
    @Bean
    Alerts alerts(DataSource dataSource, Subscriptions subscriptions, Outbox outbox, Quiet quiet,
                  CompanyMemory memory) {
        Alerts alerts = new Alerts(dataSource, subscriptions, outbox, quiet);
        memory.afterEachWrite(alerts::periodStored);
        return alerts;
    }

    /**
     * The SMTP server of {@code spring.mail.*}, or no bean without a host: a bean method returning null leaves
     * {@code ObjectProvider.getIfAvailable()} empty, which is how the web pages and the sender ask for it.
     */
    @Bean
    JavaMailSender mailSender(Environment environment, ObjectProvider<SslBundles> sslBundles) {
        return SmtpServer.sender(environment, sslBundles.getIfAvailable()).orElse(null);
    }

    @Bean
    Deliveries deliveries(Outbox outbox, Subscriptions subscriptions, NotificationSettings settings,
                          ObjectProvider<JavaMailSender> mail, MeterRegistry meters, Clock clock) {
        return new Deliveries(outbox, subscriptions, new Deliveries.Settings(settings.maxAttempts(), settings.claim(), settings.from(),
                Optional.ofNullable(mail.getIfAvailable())), meters, clock, settings.connectTimeout(),
                settings.timeout());
    }

    /** Each applied preview tells the subscriptions that asked which companies' verdicts it moved. */
    @Bean
    RuleAlerts ruleAlerts(Subscriptions subscriptions, Outbox outbox, CompanyMemory memory, Previews previews) {
        RuleAlerts alerts = new RuleAlerts(subscriptions, outbox, memory.portfolio());
        previews.onApplied(applied -> {
            var companies = applied.preview().companies();
            if (companies != null) {
                alerts.applied(applied.preview().version(), applied.author(), companies.moved().stream()
                        .map(m -> new RuleAlerts.Moved(m.company(), m.period(), m.healthBefore(), m.healthAfter()))
                        .toList());
            }
        });
        return alerts;
    }

    @Bean
    Digests digests(Subscriptions subscriptions, Outbox outbox, CompanyMemory memory, ActiveRuleSet active,
                    Clock clock) {
        return new Digests(subscriptions, outbox, memory, active::current, clock);
    }

    /** Named for its part of /actuator/health: {@code notifications}. */
    @Bean("notifications")
    NotificationSender notificationSender(Deliveries deliveries, Digests digests, Outbox outbox,
                                          NotificationSettings settings) {
        return new NotificationSender(deliveries, digests, outbox, settings.poll());
    }
}
