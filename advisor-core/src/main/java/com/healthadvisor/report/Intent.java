package com.healthadvisor.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether two actions for one owner ask for the same thing in other words. Compared on their content words, each cut
 * to its first four letters (retention, retain and retained meet as "reta"/"rete" only when spelled alike: a
 * deliberate bluntness, so that actions merge only when they share most of their words): the same when they share
 * three or more and at least half of the shorter one's.
 */
final class Intent {

    private static final Set<String> FILLER = Set.of("a", "an", "and", "as", "at", "be", "before", "by", "for",
            "from", "in", "is", "it", "its", "of", "on", "or", "out", "than", "that", "the", "their", "them", "then",
            "they", "this", "to", "until", "up", "when", "with", "ones", "one", "every", "each", "all", "any");

    private Intent() {
    }

    static boolean same(String one, String other) {
        if (one.equalsIgnoreCase(other)) {
            return true;
        }
        Set<String> first = words(one);
        Set<String> second = words(other);
        long shared = first.stream().filter(second::contains).count();
        return shared >= 3 && shared * 2 >= Math.min(first.size(), second.size());
    }

    static Set<String> words(String action) {
        return Arrays.stream(action.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() > 2 && !FILLER.contains(word))
                .map(word -> word.length() > 4 ? word.substring(0, 4) : word)
                .collect(Collectors.toSet());
    }
}
