package com.healthadvisor.web;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mail sender is what Spring Boot's own configuration would make of the same {@code spring.mail.*}. */
class SmtpServerTest {

    @Test
    void noHostIsNoSender() {
        assertThat(SmtpServer.sender(new MockEnvironment().withProperty("spring.mail.port", "25"), null)).isEmpty();
        assertThat(SmtpServer.sender(new MockEnvironment().withProperty("spring.mail.host", " "), null)).isEmpty();
    }

    @Test
    void theServerItsAccountAndItsJavaMailProperties() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "smtp.acme.example")
                .withProperty("spring.mail.port", "2525").withProperty("spring.mail.username", "advisor")
                .withProperty("spring.mail.password", "secret").withProperty("spring.mail.default-encoding", "UTF-8")
                .withProperty("spring.mail.properties.mail.smtp.starttls.enable", "true");

        JavaMailSenderImpl sender = (JavaMailSenderImpl) SmtpServer.sender(environment, null).orElseThrow();

        assertThat(sender.getHost()).isEqualTo("smtp.acme.example");
        assertThat(sender.getPort()).isEqualTo(2525);
        assertThat(sender.getUsername()).isEqualTo("advisor");
        assertThat(sender.getPassword()).isEqualTo("secret");
        assertThat(sender.getDefaultEncoding()).isEqualTo("UTF-8");
        assertThat(sender.getProtocol()).isEqualTo("smtp");
        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.starttls.enable", "true")
                .doesNotContainKey("mail.smtp.ssl.enable");
    }

    @Test
    void sslIsSetForTheProtocolInUse() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "smtp.acme.example")
                .withProperty("spring.mail.protocol", "smtps").withProperty("spring.mail.ssl.enabled", "true")
                .withProperty("spring.mail.ssl.verify-hostname", "true");

        JavaMailSender sender = SmtpServer.sender(environment, null).orElseThrow();

        assertThat(((JavaMailSenderImpl) sender).getJavaMailProperties())
                .containsEntry("mail.smtps.ssl.enable", "true").containsEntry("mail.smtps.ssl.checkserveridentity", "true");
    }

    @Test
    void anSslBundleWithoutBundlesIsSaid() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "smtp.acme.example")
                .withProperty("spring.mail.ssl.bundle", "mail");

        assertThatThrownBy(() -> SmtpServer.sender(environment, null)).hasMessageContaining("spring.mail.ssl.bundle");
    }
}
