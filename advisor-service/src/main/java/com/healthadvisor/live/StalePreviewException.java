package com.healthadvisor.live;

/** A preview applied after the rule set it was made against stopped being the active one. */
public final class StalePreviewException extends RuntimeException {

    public StalePreviewException(String id, String previewed, String active) {
        super("preview " + id + " was made against version " + previewed + ", but version " + active
                + " is active now: preview the change again");
    }
}
