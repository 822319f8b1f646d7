package com.healthadvisor;

/** One thing wrong with a rule set, as {@code file:line: message} (line 0 when the whole file is meant). */
public record RuleProblem(String file, int line, String message) implements Comparable<RuleProblem> {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }

    @Override
    public int compareTo(RuleProblem other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }
}
