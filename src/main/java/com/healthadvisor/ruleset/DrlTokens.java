package com.healthadvisor.ruleset;

import java.util.ArrayList;
import java.util.List;

/** A lexer for DRL text that yields its identifiers with their line, skipping strings and comments. */
final class DrlTokens {

    record Token(String text, int line) {
    }

    private DrlTokens() {
    }

    static List<Token> identifiers(String text) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(text, i, c);
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                int stop = close < 0 ? text.length() : close + 2;
                line += (int) text.substring(i, stop).chars().filter(ch -> ch == '\n').count();
                i = stop;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), line));
            } else {
                i++;
            }
        }
        return tokens;
    }

    private static int skipQuoted(String text, int from, char quote) {
        int i = from + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
