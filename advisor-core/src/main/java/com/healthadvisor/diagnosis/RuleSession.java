package com.healthadvisor.diagnosis;

import com.healthadvisor.facts.Finding;
import com.healthadvisor.facts.LimitValues;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One evaluation: a session from the rule set's pool (reset between uses), every fact inserted, rules fired up to a
 * bound of firings and of time, and each finding returned with the name of the rule that inserted it.
 */
final class RuleSession {

    /** A finding and the rule that concluded it. */
    record Concluded(Finding finding, String rule) {
    }

    /** How far one evaluation may go: firings, and time, which the watchdog enforces. */
    record Limits(int maxFirings, Duration timeout, Watchdog watchdog) {
    }

    static final org.kie.api.runtime.KieSessionConfiguration ONE_THREAD = oneThread();
    private static org.kie.api.runtime.KieSessionConfiguration oneThread() {
        var c = org.kie.api.KieServices.Factory.get().newKieSessionConfiguration();
        c.setOption(org.kie.api.runtime.conf.ThreadSafeOption.NO);
        return c;
    }

    private RuleSession() {
    }

    static List<Concluded> run(KieSessionsPool sessions, Collection<?> facts, LimitValues limitValues, Limits limits) {
        KieSession session = sessions.newKieSession(ONE_THREAD);
        // Every rule file declares the global (DrlCompiler); a pooled session may hold another rule set's values.
        session.setGlobal(LimitValues.GLOBAL, limitValues);
        boolean reusable = true;
        try {
            return evaluate(session, facts, limits);
        } catch (ThreadDeath stopped) {
            // The watchdog stopped this thread inside the engine: the session's state is unknown, so it is dropped.
            reusable = false;
            throw timedOut(limits, "; the evaluation was stopped");
        } finally {
            if (reusable) {
                // Back to the pool, reset.
                session.dispose();
            }
        }
    }

    private static List<Concluded> evaluate(KieSession session, Collection<?> facts, Limits limits) {
        List<Concluded> concluded = new ArrayList<>();
        AtomicBoolean timedOut = new AtomicBoolean();
        AtomicReference<String> firing = new AtomicReference<>("");
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        // The time bound is checked before each firing, cheaply, on this thread; the watchdog enforces it
        // where Drools does not fire (a join inside the network). A filter, not an agenda listener: with a
        // listener Drools makes an event object for every match.
        AgendaFilter clock = match -> {
            if (System.nanoTime() > deadline) {
                timedOut.set(true);
                session.halt();
                return false;
            }
            firing.lazySet(match.getRule().getName());
            return true;
        };
        DefaultRuleRuntimeEventListener listener = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getObject() instanceof Finding finding && event.getRule() != null) {
                    concluded.add(new Concluded(finding, event.getRule().getName()));
                }
            }
        };
        try (Watchdog.Watched watched = limits.watchdog().watch(session, limits.timeout().toNanos())) {
            facts.forEach(session::insert);
            // Listening from here on: the facts' own inserts would each make an event object for nothing.
            session.addEventListener(listener);
            int fired = session.fireAllRules(clock, limits.maxFirings());
            if (timedOut.get() || watched.halted()) {
                throw timedOut(limits, "");
            }
            if (fired >= limits.maxFirings()) {
                throw new RulesDidNotSettleException("rules fired " + fired + " times without settling: a rule "
                        + "probably re-triggers itself (limit advisor.max-firings)");
            }
            return concluded;
        } catch (ConsequenceException e) {
            // The exception's own text may carry anything a rule read; only its rule and kind are told.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new EngineException("rule \"" + e.getRule().getName() + "\" failed with "
                    + cause.getClass().getSimpleName(), e);
        } catch (LinkageError e) {
            // The class fence refused a class a rule linked to.
            throw new EngineException("rule \"" + firing.get() + "\" uses a class rules may not use", e);
        } catch (EngineException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EngineException("the rules failed with " + e.getClass().getSimpleName()
                    + (firing.get().isEmpty() ? "" : " after rule \"" + firing.get() + "\" fired"), e);
        } finally {
            session.removeEventListener(listener);
        }
    }

    private static EngineException timedOut(Limits limits, String how) {
        return new RulesDidNotSettleException("rules did not settle within " + limits.timeout().toMillis()
                + " ms (limit advisor.evaluation-timeout)" + how);
    }
}
