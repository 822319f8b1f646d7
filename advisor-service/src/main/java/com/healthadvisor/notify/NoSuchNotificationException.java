package com.healthadvisor.notify;

/** A subscription, silence or outbox message that does not exist. */
public class NoSuchNotificationException extends RuntimeException {

    public NoSuchNotificationException(String message) {
        super(message);
    }
}
