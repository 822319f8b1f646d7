package com.healthadvisor.web;

/** A request body over the size the service accepts. */
class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException(long limit) {
        super("the body must not be larger than " + (limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MB"
                : limit / 1024 + " KB"));
    }
}
