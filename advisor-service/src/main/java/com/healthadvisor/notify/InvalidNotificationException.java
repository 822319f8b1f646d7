package com.healthadvisor.notify;

/** A subscription, silence or acknowledgement that cannot be, said in words; nothing was stored. */
public class InvalidNotificationException extends RuntimeException {

    public InvalidNotificationException(String message) {
        super(message);
    }
}
