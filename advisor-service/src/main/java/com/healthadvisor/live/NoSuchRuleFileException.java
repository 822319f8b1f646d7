package com.healthadvisor.live;

/** A rule file that the rules directory does not hold. */
public class NoSuchRuleFileException extends RuntimeException {

    public NoSuchRuleFileException(String name) {
        super("no rule file named " + name);
    }
}
