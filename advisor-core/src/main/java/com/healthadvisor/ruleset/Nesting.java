package com.healthadvisor.ruleset;

import com.healthadvisor.RuleProblem;
/**
 * A bound on how deeply a rule file nests, checked on its text before any parser sees it. The DRL parser, the
 * condition grammar and the Java parser of consequences all descend once per bracket or prefix operator, so
 * twenty thousand {@code (} or {@code -} in a row would overflow the stack of whichever thread reads the file; a
 * file past the bound is refused at the line where it goes too deep. The catalog's rules nest four deep at most.
 */
final class Nesting {

    /** Brackets open at once, or prefix operators in a row. */
    static final int MAX_DEPTH = 32;

    private Nesting() {
    }

    /** The problem of a file that nests deeper than {@link #MAX_DEPTH}, or null. */
    static RuleProblem tooDeep(RuleFile file) {
        String text = file.content();
        int depth = 0;
        int prefixes = 0;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '"' || c == '\'') {
                i = endOfString(text, i);
            } else if (text.startsWith("//", i)) {
                i = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i) - 1;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                int end = close < 0 ? text.length() : close + 1;
                line += (int) text.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end;
            }
            if (i >= text.length() || Character.isWhitespace(c) || c == '"' || c == '\'' || c == '/') {
                continue;
            }
            prefixes = c == '-' || c == '+' || c == '!' || c == '~' ? prefixes + 1 : 0;
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            if (depth > MAX_DEPTH || prefixes > MAX_DEPTH) {
                return new RuleProblem(file.name(), line, "this line nests more than " + MAX_DEPTH + " deep "
                        + "(brackets, or signs in a row): split the condition, or write it more simply");
            }
        }
        return null;
    }

    /**
     * The index of the closing quote; of the character before a line's end or the text's end when the string is not
     * closed (the parser will say so). A backslash escapes the next character.
     */
    private static int endOfString(String text, int from) {
        char quote = text.charAt(from);
        int i = from + 1;
        while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i < text.length() && text.charAt(i) == quote ? i : Math.min(i, text.length()) - 1;
    }
}
