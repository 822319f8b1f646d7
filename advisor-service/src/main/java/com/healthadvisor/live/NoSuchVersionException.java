package com.healthadvisor.live;

/** A version id that is not kept: never made, or older than the history keeps. */
public final class NoSuchVersionException extends RuntimeException {

    public NoSuchVersionException(String id) {
        super("no version " + id + ": see GET /api/v1/rules/versions for the versions kept");
    }
}
