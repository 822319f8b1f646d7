package com.healthadvisor.live;

/** A change made against a shared rule set that another replica has replaced meanwhile. */
public final class RulesChangedElsewhereException extends RuntimeException {

    public RulesChangedElsewhereException(long expected, String reason) {
        super("the shared rules changed on another replica (this one built on shared version " + expected + "): "
                + reason + "; try the change again");
    }
}
