package com.healthadvisor.web;

import com.healthadvisor.access.Role;
import org.springframework.security.core.Authentication;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where rule changes made over HTTP are compiled and vetted, off the request threads: a compile and the fixtures
 * take a core for about a second. Two lanes, one thread each: admins' work and everyone else's, so an admin's
 * change never waits behind analysts' validations and previews. Each actor may have {@value #MAX_PER_ACTOR}
 * pieces of work waiting or running; the next is refused ({@link BusyException}, a 429 with Retry-After) rather
 * than queued without end.
 */
public final class RuleChangeThread implements AutoCloseable {

    /** An actor's validations, previews and changes waiting or running at once. */
    static final int MAX_PER_ACTOR = 4;
    /** What a refused actor is told to wait: about the time four vettings take. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final ExecutorService admins = lane("rule-change-admin");
    private final ExecutorService others = lane("rule-change");
    private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    /** Runs the work on the actor's lane, unless the actor has too much waiting already. */
    public <T> CompletableFuture<T> submit(Authentication actor, Supplier<T> work) {
        AtomicInteger count = inFlight.computeIfAbsent(actor.getName(), name -> new AtomicInteger());
        if (count.incrementAndGet() > MAX_PER_ACTOR) {
            count.decrementAndGet();
            throw new BusyException(actor.getName());
        }
        try {
            return CompletableFuture.supplyAsync(work, Role.ADMIN.heldBy(actor) ? admins : others)
                    .whenComplete((result, failure) -> count.decrementAndGet());
        } catch (RuntimeException e) {
            count.decrementAndGet();
            throw e;
        }
    }

    private static ExecutorService lane(String name) {
        return Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        admins.shutdownNow();
        others.shutdownNow();
    }

    /** An actor with as much rule work waiting as one may have. */
    public static class BusyException extends RuntimeException {
        BusyException(String actor) {
            super(actor + " has " + MAX_PER_ACTOR + " rule checks or changes waiting already: try again in "
                    + RETRY_AFTER_SECONDS + " seconds");
        }
    }
}
