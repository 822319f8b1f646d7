package com.healthadvisor.live;

import com.healthadvisor.snapshot.Echo;

/** A name that is not a rule set file's: a path, a hidden file, an unknown kind, or too long. */
public class InvalidRuleFileNameException extends RuntimeException {

    public InvalidRuleFileNameException(String name, int maxLength) {
        super("not a rule set file name: \"" + Echo.value(name) + "\"; use NAME.drl, NAME.yaml, benchmarks.csv or "
                + "limits.csv, letters, digits, _ . and - only, at most " + maxLength + " characters");
    }
}
