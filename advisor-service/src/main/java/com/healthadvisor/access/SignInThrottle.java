package com.healthadvisor.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins, per account and per address, with a wait that doubles with every failure past the free ones: an
 * account may fail {@value #FREE_PER_ACCOUNT} times, an address {@value #FREE_PER_ADDRESS} (several people behind one
 * office address), then each further failure waits twice as long as the one before, up to {@link #LONGEST}. While
 * an account or address waits, even the right password is refused; a success clears the account's count. Other
 * accounts are not touched by one account's failures. The memory is bounded: the oldest entries go first.
 */
final class SignInThrottle {

    static final int FREE_PER_ACCOUNT = 5;
    static final int FREE_PER_ADDRESS = 50;
    static final Duration LONGEST = Duration.ofMinutes(15);
    private static final int REMEMBERED = 10_000;

    private record Failures(int count, Instant until) {
    }

    private final Clock clock;
    private final Map<String, Failures> accounts = bounded();
    private final Map<String, Failures> addresses = bounded();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this account, from this address, must still wait before trying again; zero when it need not. */
    synchronized Duration waitFor(String account, String address) {
        Instant now = clock.instant();
        Instant until = later(until(accounts, account), until(addresses, address));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    synchronized void failed(String account, String address) {
        count(accounts, account, FREE_PER_ACCOUNT);
        count(addresses, address, FREE_PER_ADDRESS);
    }

    synchronized void succeeded(String account) {
        accounts.remove(account);
    }

    private void count(Map<String, Failures> failures, String key, int free) {
        int count = failures.containsKey(key) ? failures.get(key).count() + 1 : 1;
        Duration wait = count <= free ? Duration.ZERO : backOff(count - free);
        failures.remove(key);
        failures.put(key, new Failures(count, clock.instant().plus(wait)));
    }

    /** One second for the first failure past the free ones, doubling, at most {@link #LONGEST}. */
    static Duration backOff(int beyondFree) {
        Duration doubled = Duration.ofSeconds(1L << Math.min(beyondFree - 1, 30));
        return doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
    }

    private static Instant until(Map<String, Failures> failures, String key) {
        Failures known = key == null ? null : failures.get(key);
        return known == null ? Instant.EPOCH : known.until();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Map<String, Failures> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
