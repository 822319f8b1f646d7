package com.healthadvisor.live;

import java.util.Locale;

/** What made a rule set go live: how versions, the reload status, the meters and the shared log name it. */
public enum Trigger {
    /** The set the service started with. */
    STARTUP,
    /** A file saved in the rules directory, seen by the watcher. */
    DISK,
    /** A change over the HTTP API. */
    API,
    /** A change made on the workbench's pages. */
    WORKBENCH,
    /** A kept version made active again. */
    RESTORE,
    /** Another replica's change, adopted here. */
    REPLICA;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How the reload status and the meters know it: a restore is a change through the API like any other. */
    public String source() {
        return this == RESTORE ? API.word() : word();
    }
}
