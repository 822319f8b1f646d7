package com.healthadvisor.web.workbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A code's title, explanation and actions written back into its wording file: only those keys of that code's block
 * are rewritten; the file's comments, the other keys (impact, requires, actions_when) and the other codes stay as
 * they were.
 */
final class WordingEdit {

    private static final Pattern TOP_KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*:.*");
    private static final Pattern FIELD = Pattern.compile("^ {2}([a-z_]+):.*");
    /** Characters that make a plain YAML scalar mean something else, or end it. */
    private static final Pattern NEEDS_QUOTES = Pattern.compile("(^[\\s\\-?:,\\[\\]{}#&*!|>'\"%@`])|(: )|( #)|(\\s$)|:$");

    /** One action as the form gives it: its owner and what to do. */
    record Action(String owner, String text) {
    }

    private WordingEdit() {
    }

    /**
     * The file with {@code code}'s block changed; the block starts at {@code line} (1-based, as the rule set read
     * it). Explanation lines are kept as lines: a blank one starts a new paragraph.
     */
    static String apply(String yaml, String code, int line, String title, String explanation, List<Action> actions) {
        List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
        int start = line - 1;
        if (start < 0 || start >= lines.size() || !lines.get(start).startsWith(code + ":")) {
            throw new IllegalStateException(code + " is not at line " + line + " any more: reload the page");
        }
        int end = start + 1;
        while (end < lines.size() && !TOP_KEY.matcher(lines.get(end)).matches()) {
            end++;
        }
        List<String> block = new ArrayList<>(lines.subList(start + 1, end));
        replaceField(block, "title", List.of("  title: " + scalar(title.strip())));
        List<String> folded = new ArrayList<>(List.of("  explanation: >-"));
        explanation.strip().lines().forEach(text -> folded.add(text.isBlank() ? "" : "    " + text.strip()));
        replaceField(block, "explanation", folded);
        List<String> written = new ArrayList<>(List.of("  actions:"));
        actions.forEach(action -> written.add("    - " + action.owner().strip() + ": " + scalar(action.text().strip())));
        replaceField(block, "actions", written);
        List<String> result = new ArrayList<>(lines.subList(0, start + 1));
        result.addAll(block);
        result.addAll(lines.subList(end, lines.size()));
        return String.join("\n", result);
    }

    /** Replaces a field's lines (its key and everything indented under it) in place, or adds it at the end. */
    private static void replaceField(List<String> block, String key, List<String> replacement) {
        int from = -1;
        for (int i = 0; i < block.size(); i++) {
            var matcher = FIELD.matcher(block.get(i));
            if (matcher.matches() && matcher.group(1).equals(key)) {
                from = i;
                break;
            }
        }
        if (from < 0) {
            int last = block.size();
            while (last > 0 && (block.get(last - 1).isBlank() || block.get(last - 1).stripLeading().startsWith("#"))) {
                last--;
            }
            block.addAll(last, replacement);
            return;
        }
        int to = from + 1;
        while (to < block.size() && !FIELD.matcher(block.get(to)).matches() && !trailing(block, to)) {
            to++;
        }
        block.subList(from, to).clear();
        block.addAll(from, replacement);
    }

    /** A blank or comment line after which nothing of this block is indented any more: it separates codes. */
    private static boolean trailing(List<String> block, int index) {
        for (int i = index; i < block.size(); i++) {
            String text = block.get(i);
            if (!text.isBlank() && !text.stripLeading().startsWith("#")) {
                return false;
            }
        }
        return true;
    }

    private static String scalar(String text) {
        return NEEDS_QUOTES.matcher(text).find() || text.isEmpty()
                ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : text;
    }
}
