package com.healthadvisor.web;

import com.healthadvisor.ruleset.RuleFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The difference between two sets of rule files as a unified diff: {@code ---}/{@code +++} per file, then hunks
 * with their {@code @@ -start,count +start,count @@} headers and three lines of context, a file that does not end
 * with a newline marked as {@code git diff} marks it. What a reviewer reads to see what a version changed, and what
 * {@code git apply} or {@code patch -p1} applies to the files before. Rule files are a few hundred lines, so a
 * longest-common-subsequence table is small enough.
 */
public final class LineDiff {

    private static final int CONTEXT = 3;
    private static final String NO_NEWLINE = "\\ No newline at end of file";

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
                hunks(Text.of(texts[0]), Text.of(texts[1]), diff);
            }
        });
        return diff.toString();
    }

    /** A file's lines, and whether its last line ends with a newline (absent text: no lines). */
    private record Text(List<String> lines, boolean endsWithNewline) {

        static Text of(String text) {
            if (text == null || text.isEmpty()) {
                return new Text(List.of(), true);
            }
            boolean newline = text.endsWith("\n");
            return new Text(List.of((newline ? text.substring(0, text.length() - 1) : text).split("\n", -1)), newline);
        }

        /** The line as a diff shows it: the last one of a file without a final newline is followed by the marker. */
        String shown(char mark, int index) {
            String line = mark + lines.get(index);
            return endsWithNewline || index < lines.size() - 1 ? line : line + "\n" + NO_NEWLINE;
        }
    }

    /** One line of the edit script: kept (both indexes), removed (a's) or added (b's). */
    private record Edit(char mark, int a, int b) {
    }

    private static void hunks(Text a, Text b, StringBuilder out) {
        List<Edit> edits = edits(a, b);
        int k = 0;
        while (k < edits.size()) {
            if (edits.get(k).mark() == ' ') {
                k++;
                continue;
            }
            int first = Math.max(0, k - CONTEXT);
            int last = k;
            // A hunk runs on while the next change is within two contexts of the last one.
            for (int next = k + 1; next < edits.size() && next <= last + 2 * CONTEXT; next++) {
                if (edits.get(next).mark() != ' ') {
                    last = next;
                }
            }
            int end = Math.min(edits.size() - 1, last + CONTEXT);
            hunk(edits.subList(first, end + 1), a, b, out);
            k = end + 1;
        }
    }

    private static void hunk(List<Edit> edits, Text a, Text b, StringBuilder out) {
        int aCount = 0;
        int bCount = 0;
        int aStart = -1;
        int bStart = -1;
        for (Edit edit : edits) {
            if (edit.mark() != '+') {
                aStart = aStart < 0 ? edit.a() : aStart;
                aCount++;
            }
            if (edit.mark() != '-') {
                bStart = bStart < 0 ? edit.b() : bStart;
                bCount++;
            }
        }
        // A side with no lines in the hunk starts at the line before it (0 at the top), as diff writes it.
        Edit head = edits.get(0);
        out.append("@@ -").append(range(aCount == 0 ? head.a() : aStart + 1, aCount))
                .append(" +").append(range(bCount == 0 ? head.b() : bStart + 1, bCount)).append(" @@\n");
        for (Edit edit : edits) {
            out.append(edit.mark() == '+' ? b.shown('+', edit.b()) : a.shown(edit.mark(), edit.a())).append('\n');
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    /**
     * The shortest edit script by the longest common subsequence. Each edit carries both files' positions: a kept
     * or removed line its index in a, an added one its index in b, and every edit the other file's index at that
     * point (where a hunk with no line of that file starts).
     */
    private static List<Edit> edits(Text before, Text after) {
        List<String> a = before.lines();
        List<String> b = after.lines();
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = same(before, i, after, j) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && same(before, i, after, j)) {
                edits.add(new Edit(' ', i++, j++));
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                // Removed before added, as diff and git write a changed line.
                edits.add(new Edit('-', i++, j));
            } else {
                edits.add(new Edit('+', i, j++));
            }
        }
        return edits;
    }

    /** Equal lines; the last line differs from its twin when one has a final newline and the other has not. */
    private static boolean same(Text a, int i, Text b, int j) {
        boolean aLast = i == a.lines().size() - 1 && !a.endsWithNewline();
        boolean bLast = j == b.lines().size() - 1 && !b.endsWithNewline();
        return aLast == bLast && a.lines().get(i).equals(b.lines().get(j));
    }
}
