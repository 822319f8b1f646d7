package com.healthadvisor.ledger;

import java.util.regex.Pattern;

/** Months as whole numbers (year × 12 + month − 1), so that consecutive months differ by one. */
final class Months {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    private Months() {
    }

    /** The month number of {@code YYYY-MM}, or -1 when the text is not one. */
    static int parse(String text) {
        if (text.length() != 7 || !MONTH.matcher(text).matches()) {
            return -1;
        }
        return Integer.parseInt(text.substring(0, 4)) * 12 + Integer.parseInt(text.substring(5)) - 1;
    }

    static String format(int month) {
        return String.format("%04d-%02d", month / 12, month % 12 + 1);
    }
}
