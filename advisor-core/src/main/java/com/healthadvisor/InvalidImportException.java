package com.healthadvisor;

import java.util.List;

/** A billing export refused as a whole: each problem names the object's id or the line it is on. */
public class InvalidImportException extends RuntimeException {

    private static final int MAX_SHOWN = 50;

    private final transient List<String> problems;

    public InvalidImportException(List<String> problems) {
        this(capped(problems), true);
    }

    private InvalidImportException(List<String> capped, boolean unused) {
        super(String.join("\n", capped));
        this.problems = List.copyOf(capped);
    }

    public List<String> problems() {
        return problems;
    }

    private static List<String> capped(List<String> problems) {
        if (problems.size() <= MAX_SHOWN) {
            return problems;
        }
        List<String> shown = new java.util.ArrayList<>(problems.subList(0, MAX_SHOWN));
        shown.add("... and " + (problems.size() - MAX_SHOWN) + " more");
        return shown;
    }
}
