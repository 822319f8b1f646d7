package com.healthadvisor.company;

/** A company or period that was never stored (or was deleted). */
public class NoSuchPeriodException extends RuntimeException {

    public NoSuchPeriodException(String message) {
        super(message);
    }
}
