package com.healthadvisor;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule set as its files: what {@link HealthAdvisor#readRules} reads from a directory, to send to other machines
 * (it is serializable) and compile there with {@link HealthAdvisor#fromRules(RuleFiles)}.
 *
 * @param version     the rule set's version, a hash of the files: equal files, equal version
 * @param contents    each file's name and text, by name
 * @param lastChanged when the files last changed: the compiled rule set's {@code loaded_at}
 */
public record RuleFiles(String version, Map<String, String> contents, Instant lastChanged) implements Serializable {

    public RuleFiles {
        contents = Collections.unmodifiableSortedMap(new TreeMap<>(contents));
    }
}
