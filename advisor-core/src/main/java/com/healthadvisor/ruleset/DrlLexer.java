package com.healthadvisor.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits the text of a DRL condition into tokens: identifiers (a leading {@code $} included), numbers,
 * quoted strings and the operators of {@link ConditionGrammar}. Comments and white space are dropped. A
 * character outside that alphabet, or an escape in a string other than {@code \"}, {@code \'} and
 * {@code \\}, is refused with {@link IllegalArgumentException}.
 */
final class DrlLexer {

    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||",
            "<", ">", "!", "+", "-", "*", "/", "(", ")", ",", ".", ":");
    private static final Set<Character> ESCAPABLE = Set.of('"', '\'', '\\');

    private DrlLexer() {
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                i = endOfLine(text, i);
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? text.length() : close + 2;
            } else if (c == '"' || c == '\'') {
                int end = endOfString(text, i);
                tokens.add(text.substring(i, end));
                i = end;
            } else if (isDigit(c)) {
                int end = endOfNumber(text, i);
                tokens.add(text.substring(i, end));
                i = end;
            } else if (c == '$' || Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            } else {
                String operator = operatorAt(text, i);
                tokens.add(operator);
                i += operator.length();
            }
        }
        return tokens;
    }

    static boolean isIdentifier(String token) {
        if (token == null || token.isEmpty()
                || !(token.charAt(0) == '$' || Character.isJavaIdentifierStart(token.charAt(0)))) {
            return false;
        }
        return token.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }

    static boolean isString(String token) {
        return token.length() >= 2 && (token.charAt(0) == '"' || token.charAt(0) == '\'');
    }

    static boolean isNumber(String token) {
        return !token.isEmpty() && isDigit(token.charAt(0));
    }

    private static String operatorAt(String text, int i) {
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, i)) {
                return operator;
            }
        }
        throw new IllegalArgumentException("\"" + text.charAt(i) + "\" is not allowed in a condition");
    }

    private static int endOfLine(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private static int endOfString(String text, int from) {
        char quote = text.charAt(from);
        int i = from + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            if (text.charAt(i) == '\\') {
                if (i + 1 >= text.length() || !ESCAPABLE.contains(text.charAt(i + 1))) {
                    throw new IllegalArgumentException("a string may escape only \\\", \\' and \\\\");
                }
                i++;
            }
            i++;
        }
        if (i >= text.length()) {
            throw new IllegalArgumentException("a string is not closed");
        }
        return i + 1;
    }

    /** Digits with an optional fraction and exponent; a type suffix ({@code 10B}, {@code 5L}) is not a number here. */
    private static int endOfNumber(String text, int from) {
        int i = digits(text, from);
        if (i + 1 < text.length() && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            i = digits(text, i + 1);
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponent = i + 1 < text.length() && (text.charAt(i + 1) == '-' || text.charAt(i + 1) == '+') ? i + 2 : i + 1;
            if (exponent < text.length() && isDigit(text.charAt(exponent))) {
                i = digits(text, exponent);
            }
        }
        if (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
            throw new IllegalArgumentException("\"" + text.substring(from, i + 1) + "\" is not a plain number");
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
