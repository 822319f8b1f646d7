package com.healthadvisor.ledger;

import java.util.List;

/** A ledger refused as a whole; each problem names its line. */
public class InvalidLedgerException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidLedgerException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
