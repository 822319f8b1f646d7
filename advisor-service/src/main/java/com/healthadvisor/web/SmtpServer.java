package com.healthadvisor.web;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.Optional;
import java.util.Properties;

/**
 * The SMTP server of Spring's {@code spring.mail.*} properties (SPRING_MAIL_HOST, SPRING_MAIL_PORT, ...), made as
 * Spring Boot's own mail configuration makes it, but from what the environment says when the service starts. Spring
 * Boot decides whether there is a mail sender by a condition on the host, and the service's bean definitions are
 * worked out when the jar is built (see {@code ServeCommand}): a host set only at start would find no sender.
 */
final class SmtpServer {

    private SmtpServer() {
    }

    /** The sender, or none without {@code spring.mail.host}. */
    static Optional<JavaMailSender> sender(Environment environment, SslBundles sslBundles) {
        MailProperties mail = Binder.get(environment).bind("spring.mail", MailProperties.class)
                .orElseGet(MailProperties::new);
        if (mail.getHost() == null || mail.getHost().isBlank()) {
            return Optional.empty();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setPassword(mail.getPassword());
        sender.setProtocol(mail.getProtocol());
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        sender.setJavaMailProperties(javaMailProperties(mail, sslBundles));
        return Optional.of(sender);
    }

    private static Properties javaMailProperties(MailProperties mail, SslBundles sslBundles) {
        Properties properties = new Properties();
        properties.putAll(mail.getProperties());
        String protocol = mail.getProtocol() == null || mail.getProtocol().isEmpty() ? "smtp" : mail.getProtocol();
        MailProperties.Ssl ssl = mail.getSsl();
        String bundle = ssl.getBundle();
        boolean bundled = bundle != null && !bundle.isEmpty();
        if (ssl.isEnabled() || bundled) {
            if (ssl.isVerifyHostname()) {
                properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            if (ssl.isEnabled()) {
                properties.setProperty("mail." + protocol + ".ssl.enable", "true");
            }
            if (bundled) {
                if (sslBundles == null) {
                    throw new IllegalStateException("spring.mail.ssl.bundle is " + bundle + ", but no SSL bundles are "
                            + "configured (spring.ssl.bundle.*)");
                }
                properties.put("mail." + protocol + ".ssl.socketFactory",
                        sslBundles.getBundle(bundle).createSslContext().getSocketFactory());
            }
        }
        return properties;
    }
}
