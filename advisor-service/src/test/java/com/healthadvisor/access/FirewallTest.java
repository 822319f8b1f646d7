package com.healthadvisor.access;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's cheap checks refuse exactly what Spring Security's default firewall refuses. */
class FirewallTest {

    private static final HttpFirewall DEFAULT = new StrictHttpFirewall();
    private static final HttpFirewall OURS = new Firewall().httpFirewall();

    @Test
    void headerNamesValuesAndParameterNamesAreJudgedAsTheDefaultFirewallJudgesThem() {
        SplittableRandom random = new SplittableRandom(34);
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = text(random);
            for (Function<HttpFirewall, Boolean> check : List.<Function<HttpFirewall, Boolean>>of(
                    firewall -> passes(firewall, request -> request.addHeader("X-Probe", text), "X-Probe", true),
                    firewall -> passes(firewall, request -> request.addHeader(text, "v"), text, true),
                    firewall -> passes(firewall, request -> request.addParameter(text, "v"), text, false))) {
                boolean expected = check.apply(DEFAULT);
                assertThat(check.apply(OURS)).as("%s", text.codePoints()
                        .mapToObj(Integer::toHexString).toList()).isEqualTo(expected);
                refused += expected ? 0 : 1;
            }
        }
        assertThat(refused).as("the strings tried include refused ones").isGreaterThan(1_000);
    }

    /** Mostly printable ASCII, as real headers are; sometimes a tab, a control, Latin-1, an unassigned or astral code. */
    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            int codePoint = switch (kind) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x7f + random.nextInt(0x81);
                case 2 -> random.nextInt(0x10000);
                case 3 -> 0x10000 + random.nextInt(0x100000);
                case 4 -> '\t';
                default -> 0x20 + random.nextInt(0x5f);
            };
            if (codePoint < 0xd800 || codePoint > 0xdfff) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.isEmpty() ? "x" : text.toString();
    }

    private static boolean passes(HttpFirewall firewall, Consumer<MockHttpServletRequest> sent,
                                  String name, boolean header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/rules");
        sent.accept(request);
        try {
            var firewalled = firewall.getFirewalledRequest(request);
            if (header) {
                firewalled.getHeader(name);
                Collections.list(firewalled.getHeaders(name));
                Collections.list(firewalled.getHeaderNames());
            } else {
                Collections.list(firewalled.getParameterNames());
                firewalled.getParameterMap();
            }
            return true;
        } catch (RequestRejectedException e) {
            return false;
        }
    }
}
