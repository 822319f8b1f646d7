package com.healthadvisor.catalog;

/**
 * Levenshtein distance, to suggest the nearest known word for a typo. Only the first {@value #COMPARED} characters of
 * each word are compared: a typo of a metric or key is short, and a name half a megabyte long would otherwise cost
 * seconds of comparisons per known word.
 */
public final class EditDistance {

    static final int COMPARED = 64;

    private EditDistance() {
    }

    public static int between(String first, String second) {
        String a = first.length() > COMPARED ? first.substring(0, COMPARED) : first;
        String b = second.length() > COMPARED ? second.substring(0, COMPARED) : second;
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
