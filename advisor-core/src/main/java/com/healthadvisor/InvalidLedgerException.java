package com.healthadvisor;

import com.healthadvisor.snapshot.Echo;

import java.util.List;

/** A ledger refused as a whole; each problem names its line. */
public class InvalidLedgerException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidLedgerException(List<String> problems) {
        this(problems.stream().map(Echo::message).toList(), true);
    }

    private InvalidLedgerException(List<String> capped, boolean unused) {
        super(String.join("\n", capped));
        this.problems = List.copyOf(capped);
    }

    public List<String> problems() {
        return problems;
    }
}
