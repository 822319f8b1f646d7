package com.healthadvisor.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Spring Security's strict firewall with its rules unchanged, and its header and parameter-name checks made cheap
 * where they can be: the default checks run a Unicode pattern over every header a filter reads, the largest part
 * of what the security filters cost a diagnosis. A name or value of printable ASCII (and a tab in a header value)
 * passes those patterns by definition; anything else is still judged by them.
 */
@Configuration(proxyBeanMethods = false)
class Firewall {

    /** The firewall's rule for header and parameter names: every character assigned and none a control. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    /** Its rule for header values: the same, a tab allowed. */
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    /** Header and parameter names. */
    static final Predicate<String> NAMES = name -> printableAscii(name, false) || NAME.matcher(name).matches();
    static final Predicate<String> HEADER_VALUES = value -> printableAscii(value, true)
            || VALUE.matcher(value).matches();

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(NAMES);
        firewall.setAllowedHeaderValues(HEADER_VALUES);
        firewall.setAllowedParameterNames(NAMES);
        return firewall;
    }

    /** Whether every character is printable ASCII (space to tilde), or a tab where {@code tab} allows one. */
    static boolean printableAscii(String text, boolean tab) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < ' ' || c > '~') && !(tab && c == '\t')) {
                return false;
            }
        }
        return true;
    }
}
