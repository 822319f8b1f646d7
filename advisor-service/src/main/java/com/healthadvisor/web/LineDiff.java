package com.healthadvisor.web;

import com.healthadvisor.ruleset.RuleFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The difference between two sets of rule files, file by file, in unified diff form ({@code ---}/{@code +++}, then
 * each line kept, removed or added): what a reviewer reads to see what a version changed. Rule files are a few
 * hundred lines, so a longest-common-subsequence table is small enough.
 */
public final class LineDiff {

    private LineDiff() {
    }

    public static String of(List<RuleFile> before, List<RuleFile> after) {
        Map<String, String[]> files = new TreeMap<>();
        before.forEach(file -> files.put(file.name(), new String[] {file.content(), null}));
        after.forEach(file -> files.computeIfAbsent(file.name(), name -> new String[2])[1] = file.content());
        StringBuilder diff = new StringBuilder();
        files.forEach((name, texts) -> {
            if (texts[0] == null || !texts[0].equals(texts[1])) {
                diff.append("--- ").append(texts[0] == null ? "/dev/null" : "a/" + name).append('\n')
                        .append("+++ ").append(texts[1] == null ? "/dev/null" : "b/" + name).append('\n');
                lines(lines(texts[0]), lines(texts[1]), diff);
            }
        });
        return diff.toString();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\n", -1));
    }

    /** Every line with its mark: ' ' kept, '-' removed, '+' added; unchanged runs longer than six are elided. */
    private static void lines(List<String> a, List<String> b, StringBuilder out) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> marked = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                marked.add(" " + a.get(i++));
                j++;
            } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
                marked.add("+" + b.get(j++));
            } else {
                marked.add("-" + a.get(i++));
            }
        }
        boolean skipping = false;
        for (int k = 0; k < marked.size(); k++) {
            boolean shown = !marked.get(k).startsWith(" ") || nearAChange(marked, k);
            if (shown) {
                out.append(marked.get(k)).append('\n');
            } else if (!skipping) {
                out.append("@@\n");
            }
            skipping = !shown;
        }
    }

    /** Whether a line is within three lines of a removed or added one: the context a reader needs. */
    private static boolean nearAChange(List<String> marked, int at) {
        for (int k = Math.max(0, at - 3); k <= Math.min(marked.size() - 1, at + 3); k++) {
            if (!marked.get(k).startsWith(" ")) {
                return true;
            }
        }
        return false;
    }
}
