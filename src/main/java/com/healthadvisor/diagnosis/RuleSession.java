package com.healthadvisor.diagnosis;

import com.healthadvisor.facts.Finding;
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

/**
 * One evaluation: a session from the rule set's pool (reset between uses), every fact inserted, rules fired up to a
 * bound of firings and of time, and each finding returned with the name of the rule that inserted it.
 */
final class RuleSession {

    /** A finding and the rule that concluded it. */
    record Concluded(Finding finding, String rule) {
    }

    /** How far one evaluation may go: firings, and time. */
    record Limits(int maxFirings, Duration timeout) {
    }

    private RuleSession() {
    }

    static List<Concluded> run(KieSessionsPool sessions, Collection<?> facts, Limits limits) {
        KieSession session = sessions.newKieSession();
        List<Concluded> concluded = new ArrayList<>();
        AtomicBoolean timedOut = new AtomicBoolean();
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        // The time bound is checked before each firing: no timer thread, no lock shared between evaluations.
        // A consequence cannot loop (the guard refuses loops), so a long evaluation is one that keeps firing.
        // A filter, not an agenda listener: with a listener Drools makes an event object for every match.
        AgendaFilter clock = match -> {
            if (System.nanoTime() > deadline) {
                timedOut.set(true);
                session.halt();
                return false;
            }
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
        try {
            facts.forEach(session::insert);
            // Listening from here on: the facts' own inserts would each make an event object for nothing.
            session.addEventListener(listener);
            int fired = session.fireAllRules(clock, limits.maxFirings());
            if (timedOut.get()) {
                throw new EngineException("rules did not settle within " + limits.timeout().toMillis()
                        + " ms (limit advisor.evaluation-timeout)");
            }
            if (fired >= limits.maxFirings()) {
                throw new EngineException("rules fired " + fired + " times without settling: a rule probably "
                        + "re-triggers itself (limit advisor.max-firings)");
            }
            return concluded;
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new EngineException("rule \"" + e.getRule().getName() + "\" failed: " + cause.getMessage(), e);
        } finally {
            // Back to the pool, reset; the listener belongs to this evaluation only.
            session.removeEventListener(listener);
            session.dispose();
        }
    }
}
