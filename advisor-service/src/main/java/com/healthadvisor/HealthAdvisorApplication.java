package com.healthadvisor;

import com.healthadvisor.access.ApiSecurity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The HTTP service; {@code java -jar health-advisor.jar serve} starts it. */
// Tokens are checked by ApiSecurity; the default user store would only print a password nobody uses. The mail sender
// is NotificationConfiguration's, made from spring.mail.* as the service starts (SmtpServer).
@SpringBootApplication(exclude = {UserDetailsServiceAutoConfiguration.class, MailSenderAutoConfiguration.class})
@ConfigurationPropertiesScan
public class HealthAdvisorApplication {

    public static void main(String[] args) {
        SpringApplication.run(HealthAdvisorApplication.class, args);
    }
}
