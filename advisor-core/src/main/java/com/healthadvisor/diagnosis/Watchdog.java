package com.healthadvisor.diagnosis;

import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The hard deadline of every evaluation. Drools checks {@code halt} only between firings, so a join that
 * explodes inside the network would hold its thread for good. One daemon thread looks at the running
 * evaluations a few times a second: past its deadline an evaluation is halted, and if it still runs after
 * a grace period its thread is stopped, which ends the evaluation with {@link ThreadDeath} inside
 * {@link RuleSession} and frees the thread. A stopped session is never used again.
 *
 * <p>One watchdog serves any number of advisors and rule sets, like a timer. The service makes one as a bean and
 * closes it with the application; an advisor made without one (the command line, an embedding program) shares
 * {@link #shared()}, started on first use and ended with the JVM.
 */
public final class Watchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final long TICK_MILLIS = 50;
    /** After the halt, how long an evaluation may take to notice it before its thread is stopped. */
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** One watched evaluation. {@link #close()} and a stop never overlap: both hold its lock. */
    static final class Watched implements AutoCloseable {

        private final Thread thread = Thread.currentThread();
        private final Set<Watched> running;
        private final KieSession session;
        private final long deadline;
        private boolean halted;
        private boolean stopped;
        private boolean closed;

        private Watched(Set<Watched> running, KieSession session, long deadline) {
            this.running = running;
            this.session = session;
            this.deadline = deadline;
        }

        /** Whether the watchdog halted the session: its firings were cut short. */
        synchronized boolean halted() {
            return halted;
        }

        @Override
        public void close() {
            running.remove(this);
            synchronized (this) {
                closed = true;
            }
        }

        private synchronized void enforce(long now) {
            if (closed) {
                return;
            }
            if (!halted && now > deadline) {
                halted = true;
                session.halt();
            } else if (halted && !stopped && now > deadline + GRACE_NANOS) {
                stopped = true;
                stop(thread);
            }
        }
    }

    /** The watchdog of advisors made without one; its thread is a daemon, so it never keeps a JVM alive. */
    private static final class Shared {
        static final Watchdog INSTANCE = new Watchdog();
    }

    private final Set<Watched> running = ConcurrentHashMap.newKeySet();
    private final Thread thread;

    /** Starts the watchdog's thread. */
    public Watchdog() {
        thread = new Thread(this::watch, "evaluation-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    public static Watchdog shared() {
        return Shared.INSTANCE;
    }

    /** Watches the calling thread's evaluation of {@code session} until the returned handle is closed. */
    Watched watch(KieSession session, long timeoutNanos) {
        Watched watched = new Watched(running, session, System.nanoTime() + timeoutNanos);
        running.add(watched);
        return watched;
    }

    /** Ends the thread; evaluations still registered are no longer watched. */
    @Override
    public void close() {
        thread.interrupt();
    }

    private void watch() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
                long now = System.nanoTime();
                running.forEach(watched -> watched.enforce(now));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("the evaluation watchdog failed; it goes on", e);
            }
        }
    }

    /**
     * Thread.stop is the only way to end a thread that computes without ever looking up; Java 17 still has it.
     * On a runtime without it the evaluation keeps its thread, and the log says so.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread thread) {
        try {
            thread.stop();
        } catch (UnsupportedOperationException e) {
            LOG.error("an evaluation on {} ran past its deadline and this Java cannot stop it", thread.getName());
        }
    }
}
