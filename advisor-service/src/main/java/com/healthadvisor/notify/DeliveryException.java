package com.healthadvisor.notify;

/** A delivery that did not go through: tried again later, or given up on after the last attempt. */
class DeliveryException extends Exception {

    DeliveryException(String message) {
        super(message);
    }
}
