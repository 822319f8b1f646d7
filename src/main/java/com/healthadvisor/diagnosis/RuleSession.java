package com.healthadvisor.diagnosis;

import com.healthadvisor.facts.Finding;
import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One evaluation: a fresh session over the shared KieBase, every fact inserted, rules fired up to a
 * bound of firings and of time, and each finding returned with the name of the rule that inserted it.
 */
final class RuleSession {

    /** A finding and the rule that concluded it. */
    record Concluded(Finding finding, String rule) {
    }

    /** How far one evaluation may go: firings, and time, enforced by halting the session from the watchdog. */
    record Limits(int maxFirings, Duration timeout, ScheduledExecutorService watchdog) {
    }

    private RuleSession() {
    }

    static List<Concluded> run(KieBase kieBase, Collection<?> facts, Limits limits) {
        KieSession session = kieBase.newKieSession();
        List<Concluded> concluded = new ArrayList<>();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = limits.watchdog().schedule(() -> {
            timedOut.set(true);
            session.halt();
        }, limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getObject() instanceof Finding finding && event.getRule() != null) {
                        concluded.add(new Concluded(finding, event.getRule().getName()));
                    }
                }
            });
            facts.forEach(session::insert);
            int fired = session.fireAllRules(limits.maxFirings());
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
            watchdog.cancel(false);
            session.dispose();
        }
    }
}
