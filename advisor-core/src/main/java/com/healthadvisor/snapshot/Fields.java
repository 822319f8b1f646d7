package com.healthadvisor.snapshot;

import com.healthadvisor.Violation;
import com.healthadvisor.catalog.EditDistance;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reads typed values out of a JSON tree, noting a {@link Violation} for each bad field instead of
 * stopping at the first, so that a user sees everything wrong with a document at once.
 */
final class Fields {

    private final List<Violation> violations = new ArrayList<>();

    List<Violation> violations() {
        return violations;
    }

    void fail(String pointer, String message) {
        violations.add(new Violation(pointer, message));
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** True when the node is an object; notes every key outside {@code allowed}, with the nearest allowed one. */
    boolean object(JsonNode node, String pointer, Set<String> allowed) {
        if (!node.isObject()) {
            fail(pointer, "must be an object (was " + describe(node) + ")");
            return false;
        }
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                fail(child(pointer, key), "unknown key; did you mean \"" + nearest(key, allowed) + "\"?");
            }
        }
        return true;
    }

    boolean array(JsonNode node, String pointer, int maxItems) {
        if (!node.isArray()) {
            fail(pointer, "must be an array (was " + describe(node) + ")");
            return false;
        }
        if (node.size() > maxItems) {
            fail(pointer, "must not have more than " + String.format("%,d", maxItems) + " entries (was "
                    + String.format("%,d", node.size()) + ")");
            return false;
        }
        return true;
    }

    String text(JsonNode parent, String key, String pointer) {
        JsonNode node = parent.get(key);
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            fail(child(pointer, key), "must be a string (was " + describe(node) + ")");
            return null;
        }
        return node.stringValue();
    }

    /** A word from a fixed list, e.g. {@code periodicity}. */
    String word(JsonNode parent, String key, String pointer, List<String> words) {
        String value = text(parent, key, pointer);
        if (value != null && !words.contains(value)) {
            fail(child(pointer, key), "must be one of " + String.join(", ", words) + " (was \"" + value + "\")");
            return null;
        }
        return value;
    }

    /** Any finite number. */
    Double number(JsonNode parent, String key, String pointer) {
        return number(parent.get(key), child(pointer, key));
    }

    Double number(JsonNode node, String pointer) {
        if (absent(node)) {
            return null;
        }
        if (!node.isNumber()) {
            fail(pointer, "must be a number (was " + describe(node) + ")");
            return null;
        }
        double value = toDouble(node);
        if (!Double.isFinite(value)) {
            fail(pointer, node.isFloatingPointNumber() || node.isIntegralNumber() && !node.isBigInteger()
                    ? "must be a finite number (was " + value + ")"
                    : "is too large to be a number here (" + node.toString().length() + " digits)");
            return null;
        }
        return value;
    }

    /** A money amount: finite and not negative. */
    Double amount(JsonNode parent, String key, String pointer) {
        Double value = number(parent, key, pointer);
        if (value != null && value < 0) {
            fail(child(pointer, key), "must not be negative (was " + plain(value) + ")");
            return null;
        }
        return value;
    }

    /** A count: a whole number, not negative. */
    Double count(JsonNode parent, String key, String pointer) {
        Double value = amount(parent, key, pointer);
        if (value != null && value != Math.rint(value)) {
            fail(child(pointer, key), "must be a whole number (was " + plain(value) + ")");
            return null;
        }
        return value;
    }

    Double between(JsonNode node, String pointer, double min, double max, String hint) {
        Double value = number(node, pointer);
        if (value != null && (value < min || value > max)) {
            fail(pointer, "must be " + range(min, max) + " (was " + plain(value) + ")" + hint);
            return null;
        }
        return value;
    }

    static String range(double min, double max) {
        if (Double.isInfinite(max)) {
            return Double.isInfinite(min) ? "a number" : "at least " + plain(min);
        }
        return Double.isInfinite(min) ? "at most " + plain(max) : "between " + plain(min) + " and " + plain(max);
    }

    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.valueOf(value);
    }

    static String describe(JsonNode node) {
        String text = node.isString() ? "\"" + Echo.value(node.stringValue()) + "\"" : Echo.value(node.toString());
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    /** A JSON number as a double; one too large for a double is infinite rather than an exception. */
    static double toDouble(JsonNode node) {
        return node.numberValue().doubleValue();
    }

    private static String nearest(String key, Set<String> allowed) {
        // Ties go to the alphabetically first word, so that the message is the same in every run.
        return allowed.stream().sorted().min(Comparator.comparingInt(word -> EditDistance.between(key, word)))
                .orElse("");
    }
}
