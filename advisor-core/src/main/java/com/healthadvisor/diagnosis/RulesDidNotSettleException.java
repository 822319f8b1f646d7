package com.healthadvisor.diagnosis;

/** The rules ran out of time or firings on a snapshot: a rule loops, and every further snapshot would wait as long. */
public class RulesDidNotSettleException extends EngineException {

    public RulesDidNotSettleException(String message) {
        super(message);
    }
}
