package com.healthadvisor.ledger;

/** Months as whole numbers (year × 12 + month − 1), so that consecutive months differ by one. */
final class Months {

    private Months() {
    }

    /**
     * The month number of {@code YYYY-MM} (four ASCII digits, a dash, 01 to 12), or -1 when the text is not one.
     * Checked by hand: a ledger's every row has a month, and a regular expression was most of reading it.
     */
    static int parse(String text) {
        if (text.length() != 7 || text.charAt(4) != '-') {
            return -1;
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            int digit = digitValue(text.charAt(i));
            if (digit < 0) {
                return -1;
            }
            year = year * 10 + digit;
        }
        int tens = digitValue(text.charAt(5));
        int ones = digitValue(text.charAt(6));
        int month = tens * 10 + ones;
        if (tens < 0 || ones < 0 || month < 1 || month > 12) {
            return -1;
        }
        return year * 12 + month - 1;
    }

    /** {@code YYYY-MM} of a month number. */
    static String format(int month) {
        int year = month / 12;
        if (month < 0 || year > 9999) {
            return String.format("%04d-%02d", year, month % 12 + 1);
        }
        int of = month % 12 + 1;
        return new String(new char[] {digitChar(year / 1000), digitChar(year / 100 % 10), digitChar(year / 10 % 10),
            digitChar(year % 10), '-', digitChar(of / 10), digitChar(of % 10)});
    }

    private static int digitValue(char c) {
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    private static char digitChar(int value) {
        return (char) ('0' + value);
    }
}
