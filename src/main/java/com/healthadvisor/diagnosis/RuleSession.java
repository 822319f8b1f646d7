package com.healthadvisor.diagnosis;

import com.healthadvisor.facts.Finding;
import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One evaluation: a fresh session over the shared KieBase, every fact inserted, rules fired up to a
 * bound, and each finding returned with the name of the rule that inserted it.
 */
final class RuleSession {

    /** A finding and the rule that concluded it. */
    record Concluded(Finding finding, String rule) {
    }

    private RuleSession() {
    }

    static List<Concluded> run(KieBase kieBase, Collection<?> facts, int maxFirings) {
        KieSession session = kieBase.newKieSession();
        List<Concluded> concluded = new ArrayList<>();
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
            int fired = session.fireAllRules(maxFirings);
            if (fired >= maxFirings) {
                throw new EngineException("rules fired " + fired + " times without settling: a rule probably "
                        + "re-triggers itself (limit advisor.max-firings)");
            }
            return concluded;
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new EngineException("rule \"" + e.getRule().getName() + "\" failed: " + cause.getMessage(), e);
        } finally {
            session.dispose();
        }
    }
}
