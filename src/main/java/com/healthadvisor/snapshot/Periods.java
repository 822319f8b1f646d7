package com.healthadvisor.snapshot;

import java.util.regex.Pattern;

/** Period labels: {@code YYYY-MM}, {@code YYYY-Qn} or {@code YYYY}. */
final class Periods {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private Periods() {
    }

    static boolean isValid(String period) {
        return MONTH.matcher(period).matches() || QUARTER.matcher(period).matches()
                || YEAR.matcher(period).matches();
    }

    /** Two periods of the same form compare correctly as strings. */
    static boolean comparable(String a, String b) {
        return a.length() == b.length() && a.contains("Q") == b.contains("Q");
    }
}
