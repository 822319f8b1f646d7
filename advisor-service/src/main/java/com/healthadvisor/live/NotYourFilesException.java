package com.healthadvisor.live;

/** A change of files its author may not change: DRL, for anyone but an admin, and over the network only if allowed. */
public class NotYourFilesException extends RuntimeException {

    public NotYourFilesException(String reason) {
        super(reason);
    }
}
