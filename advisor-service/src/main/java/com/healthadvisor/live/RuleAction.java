package com.healthadvisor.live;

import java.util.Locale;

/** What was asked of the rules, as the audit log names each attempt. */
public enum RuleAction {
    PUT, DELETE, VALIDATE, PREVIEW, APPLY, RESTORE,
    /** The workbench's check of one file, with the other active files and the fixtures. */
    CHECK,
    /** Another replica's version, taken here. */
    ADOPT,
    /** A save in the rules directory. */
    DISK;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What makes a change of this kind go live. */
    Trigger trigger() {
        return switch (this) {
            case RESTORE -> Trigger.RESTORE;
            case ADOPT -> Trigger.REPLICA;
            case DISK -> Trigger.DISK;
            default -> Trigger.API;
        };
    }
}
