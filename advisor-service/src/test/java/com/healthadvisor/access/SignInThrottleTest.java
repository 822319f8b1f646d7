package com.healthadvisor.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed sign-ins wait longer and longer, per account and per address, and only for a while. */
class SignInThrottleTest {

    private Instant now = Instant.parse("2026-12-06T09:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void theFirstFailuresAreFreeThenEachWaitsTwiceAsLong() {
        for (int i = 0; i < SignInThrottle.FREE_PER_ACCOUNT; i++) {
            throttle.failed("maria", "10.0.0.1");
        }
        assertThat(throttle.waitFor("maria", "10.0.0.1")).isZero();

        throttle.failed("maria", "10.0.0.1");
        assertThat(throttle.waitFor("maria", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("maria", "10.0.0.1");
        assertThat(throttle.waitFor("maria", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void twentyFailuresHoldTheAccountForAWhileAndNoOtherAccount() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("maria", "10.0.0.1");
        }

        assertThat(throttle.waitFor("maria", "10.0.0.2")).isPositive();
        assertThat(throttle.waitFor("admin", "10.0.0.1")).isZero();
        now = now.plus(SignInThrottle.LONGEST).plusSeconds(1);
        assertThat(throttle.waitFor("maria", "10.0.0.1")).isZero();
    }

    @Test
    void anAddressTryingManyAccountsWaitsForAnyOfThem() {
        for (int i = 0; i < SignInThrottle.FREE_PER_ADDRESS + 1; i++) {
            throttle.failed("guess-" + i, "10.0.0.9");
        }

        assertThat(throttle.waitFor("admin", "10.0.0.9")).isPositive();
        assertThat(throttle.waitFor("admin", "10.0.0.1")).isZero();
    }

    @Test
    void theLongestWaitIsBounded() {
        assertThat(SignInThrottle.backOff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.backOff(10)).isEqualTo(Duration.ofSeconds(512));
        assertThat(SignInThrottle.backOff(11)).isEqualTo(SignInThrottle.LONGEST);
        assertThat(SignInThrottle.backOff(64)).isEqualTo(SignInThrottle.LONGEST);
    }
}
