package com.healthadvisor.diagnosis;

/** A rule failed while evaluating a snapshot: names the rule, never skipped silently. */
public class EngineException extends RuntimeException {

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    public EngineException(String message) {
        super(message);
    }
}
