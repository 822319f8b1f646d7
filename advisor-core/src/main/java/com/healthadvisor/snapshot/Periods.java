package com.healthadvisor.snapshot;

import java.util.regex.Pattern;

/** Period labels: {@code YYYY-MM}, {@code YYYY-Qn} or {@code YYYY}. */
public final class Periods {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private Periods() {
    }

    static boolean isValid(String period) {
        return MONTH.matcher(period).matches() || QUARTER.matcher(period).matches()
                || YEAR.matcher(period).matches();
    }

    /**
     * The period right before a valid one, of the same form: 2024-01 before 2024-02, 2023-Q4 before 2024-Q1. By
     * hand rather than by pattern: trends ask for it on every period of the history of every diagnosis.
     */
    public static String previous(String period) {
        Integer month = endMonth(period);
        if (month == null) {
            return null;
        }
        int year = (month - 1) / 12;
        if (period.length() == 4) {
            return String.valueOf(year - 1);
        }
        if (period.charAt(5) == 'Q') {
            int quarter = ((month - 1) % 12) / 3 + 1;
            return quarter == 1 ? (year - 1) + "-Q4" : year + "-Q" + (quarter - 1);
        }
        int previous = month - 1;
        int m = (previous - 1) % 12 + 1;
        return (previous - 1) / 12 + (m < 10 ? "-0" : "-") + m;
    }

    /** The month a period ends in, counted from year 0 (2024-06 is 2024 * 12 + 6), to measure gaps in months. */
    public static Integer endMonth(String period) {
        if (period == null || (period.length() != 4 && period.length() != 7) || !digits(period, 0, 4)) {
            return null;
        }
        int year = Integer.parseInt(period, 0, 4, 10);
        if (period.length() == 4) {
            return year * 12 + 12;
        }
        if (period.charAt(4) != '-') {
            return null;
        }
        if (period.charAt(5) == 'Q') {
            int quarter = period.charAt(6) - '0';
            return quarter >= 1 && quarter <= 4 ? year * 12 + 3 * quarter : null;
        }
        if (!digits(period, 5, 7)) {
            return null;
        }
        int month = Integer.parseInt(period, 5, 7, 10);
        return month >= 1 && month <= 12 ? year * 12 + month : null;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The periodicity a valid period's form stands for: a month, a quarter or a year. */
    static String periodicityOf(String period) {
        return period.length() == 4 ? "annual" : period.contains("Q") ? "quarterly" : "monthly";
    }

    /** A period's form in words, for messages. */
    static String formOf(String period) {
        return period.length() == 4 ? "year" : period.contains("Q") ? "quarter" : "month";
    }

    /** Two periods of the same form compare correctly as strings. */
    static boolean comparable(String a, String b) {
        return a.length() == b.length() && a.contains("Q") == b.contains("Q");
    }
}
