package com.healthadvisor.live;

import java.time.Duration;

/** Told of every attempt to change the active rule set, accepted or refused, and how long it took. */
@FunctionalInterface
public interface ReloadObserver {

    ReloadObserver NONE = (trigger, accepted, took) -> { };

    /** @param trigger "api" or "disk" */
    void reloaded(String trigger, boolean accepted, Duration took);
}
