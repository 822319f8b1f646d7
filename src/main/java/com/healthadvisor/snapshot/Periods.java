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

    /** The period right before a valid one, of the same form: 2024-01 before 2024-02, 2023-Q4 before 2024-Q1. */
    public static String previous(String period) {
        if (period == null || !isValid(period)) {
            return null;
        }
        int year = Integer.parseInt(period.substring(0, 4));
        if (MONTH.matcher(period).matches()) {
            return java.time.YearMonth.parse(period).minusMonths(1).toString();
        }
        if (QUARTER.matcher(period).matches()) {
            int quarter = period.charAt(6) - '0';
            return quarter == 1 ? (year - 1) + "-Q4" : year + "-Q" + (quarter - 1);
        }
        return String.valueOf(year - 1);
    }

    /** The month a period ends in, counted from year 0 (2024-06 is 2024 * 12 + 6), to measure gaps in months. */
    public static Integer endMonth(String period) {
        if (period == null || !isValid(period)) {
            return null;
        }
        int year = Integer.parseInt(period.substring(0, 4));
        if (MONTH.matcher(period).matches()) {
            return year * 12 + Integer.parseInt(period.substring(5));
        }
        return QUARTER.matcher(period).matches() ? year * 12 + 3 * (period.charAt(6) - '0') : year * 12 + 12;
    }

    /** Two periods of the same form compare correctly as strings. */
    static boolean comparable(String a, String b) {
        return a.length() == b.length() && a.contains("Q") == b.contains("Q");
    }
}
