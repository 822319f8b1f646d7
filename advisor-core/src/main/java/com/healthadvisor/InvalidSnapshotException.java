package com.healthadvisor;

import java.util.List;
import java.util.stream.Collectors;

/** A snapshot refused as a whole; carries every violation found, in document order. */
public class InvalidSnapshotException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidSnapshotException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
