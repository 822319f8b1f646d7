package com.healthadvisor.snapshot;

/**
 * A client's value quoted back in an error message, cut short: a 10 MB field must not come back as a 10 MB
 * message (nor twice, once as the detail and once in the list of errors).
 */
public final class Echo {

    /** How much of a value a message quotes. */
    public static final int MAX_VALUE = 60;
    /** How long a whole message may be. */
    public static final int MAX_MESSAGE = 400;

    private Echo() {
    }

    /** A value to quote: itself when short, else its start and its length. */
    public static String value(String value) {
        if (value == null || value.length() <= MAX_VALUE) {
            return value;
        }
        return value.substring(0, MAX_VALUE) + "... (" + String.format("%,d", value.length()) + " characters)";
    }

    /** A whole message, cut at {@link #MAX_MESSAGE} characters. */
    public static String message(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE) + "... (cut)";
    }
}
