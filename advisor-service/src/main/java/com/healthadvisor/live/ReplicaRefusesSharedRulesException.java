package com.healthadvisor.live;

/**
 * A change made on a replica that refuses the fleet's newest rule version: it would be built on rules the fleet no
 * longer runs, so it is refused with the reason the replica refuses, which trying again does not change.
 */
public final class ReplicaRefusesSharedRulesException extends RuntimeException {

    public ReplicaRefusesSharedRulesException(SharedRuleStore.Status status) {
        super("replica " + status.replica() + " refuses shared version " + status.newest() + " ("
                + status.version() + ") and keeps serving its own rules, so a change made here would be built on "
                + "rules the other replicas no longer run: " + RuleDirectory.reason(status.problems()) + ". Make the change on a replica that "
                + "runs version " + status.newest() + ", or fix what this replica's vetting says; a later version "
                + "it accepts brings it back");
    }

}
