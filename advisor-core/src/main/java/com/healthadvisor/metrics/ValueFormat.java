package com.healthadvisor.metrics;

import com.healthadvisor.catalog.Unit;

import java.util.Map;

/**
 * Numbers as people write them: "6.0%", "$420K", "1.2×", "14 months", "+2.0 pts", "1,050".
 */
public final class ValueFormat {

    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥",
            "CAD", "CA$", "AUD", "A$", "INR", "₹", "CHF", "CHF ");

    private final String symbol;

    public ValueFormat(String currency) {
        this.symbol = currency == null ? "$" : SYMBOLS.getOrDefault(currency, currency + " ");
    }

    /** A fact's value in its unit's word ({@code "ratio"}); a word that names no unit gets a plain number. */
    public String format(double value, String unit) {
        return format(value, Unit.of(unit));
    }

    // Formatting runs for every explanation and benchmark; String.format would dominate a diagnosis.
    public String format(double value, Unit unit) {
        if (unit == null) {
            return trim(oneDecimal(value));
        }
        return switch (unit) {
            case RATIO -> percent(value);
            case POINTS -> points(value);
            case MONEY -> money(value);
            case MULTIPLE -> oneDecimal(value) + "×";
            case MONTHS -> grouped(Math.round(value)) + " months";
            case COUNT -> value == Math.rint(value) ? grouped((long) value) : oneDecimal(value);
            case SCORE -> trim(oneDecimal(value));
        };
    }

    /**
     * As {@link #format(double, String)}, with as many more decimals as it takes (up to three) for the written
     * number to stay on its side of every band edge (judgment.md P10): 0.45 next to an edge of 0.5 is "0.45×",
     * never "0.5×"; 4.96% next to 5% is "4.96%", never "5.0%"; closer still, "just under 40.0%".
     */
    public String format(double value, String unit, double[] edges) {
        return format(value, Unit.of(unit), edges);
    }

    /** As {@link #format(double, String, double[])}. */
    public String format(double value, Unit unit, double[] edges) {
        String written = format(value, unit);
        if (edges.length == 0 || unit == null || !(unit.isPercent() || unit == Unit.MULTIPLE)) {
            return written;
        }
        double scale = unit == Unit.MULTIPLE ? 1 : 100;
        for (int decimals = 1; decimals <= 3; decimals++) {
            double shown = Math.round(value * scale * Math.pow(10, decimals)) / Math.pow(10, decimals) / scale;
            if (sameSideOfEveryEdge(value, shown, edges)) {
                return decimals == 1 ? written : precise(value * scale, decimals, unit);
            }
        }
        // Closer to an edge than three decimals tell (39.99997% against 40%): said in words.
        for (double edge : edges) {
            if (side(value, edge) != 0 && Math.abs(value - edge) * scale < 0.0005) {
                return (value < edge ? "just under " : "just over ") + format(edge, unit);
            }
        }
        return precise(value * scale, 3, unit);
    }

    private static boolean sameSideOfEveryEdge(double value, double shown, double[] edges) {
        for (double edge : edges) {
            if (side(shown, edge) != side(value, edge)) {
                return false;
            }
        }
        return true;
    }

    /** Which side of an edge a number is on; one a float's rounding away from it (40% as 0.39999...) is on it. */
    private static int side(double number, double edge) {
        double gap = number - edge;
        return Math.abs(gap) <= 1e-9 * Math.max(1, Math.abs(edge)) ? 0 : (int) Math.signum(gap);
    }

    private static String precise(double scaled, int decimals, Unit unit) {
        String number = String.format(java.util.Locale.ROOT, "%,." + decimals + "f", scaled);
        return switch (unit) {
            case RATIO -> number + "%";
            case POINTS -> (number.startsWith("-") ? number : "+" + number) + " pts";
            default -> number + "×";
        };
    }

    public static String percent(double ratio) {
        return oneDecimal(ratio * 100) + "%";
    }

    /** A difference of percentages in words, e.g. "5.0 points". */
    public static String pointsInWords(double fraction) {
        return oneDecimal(fraction * 100) + " points";
    }

    private static String points(double fraction) {
        String number = oneDecimal(fraction * 100);
        return (number.startsWith("-") ? number : "+" + number) + " pts";
    }

    /** One decimal, rounded half up, e.g. "6.0", "-17.0", "1,234.5". */
    static String oneDecimal(double value) {
        long tenths = Math.round(Math.abs(value) * 10);
        String sign = value < 0 && tenths != 0 ? "-" : "";
        return sign + grouped(tenths / 10) + "." + (tenths % 10);
    }

    private static String grouped(long whole) {
        String digits = Long.toString(Math.abs(whole));
        StringBuilder out = new StringBuilder(digits.length() + 4);
        if (whole < 0) {
            out.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    public String money(double amount) {
        String sign = amount < 0 ? "-" : "";
        double abs = Math.abs(amount);
        if (abs >= 1e9) {
            return sign + symbol + trim(oneDecimal(abs / 1e9)) + "B";
        }
        if (abs >= 1e6) {
            return sign + symbol + trim(oneDecimal(abs / 1e6)) + "M";
        }
        if (abs >= 1e4) {
            return sign + symbol + Math.round(abs / 1e3) + "K";
        }
        if (abs >= 1e3) {
            return sign + symbol + trim(oneDecimal(abs / 1e3)) + "K";
        }
        if (abs == Math.rint(abs)) {
            return sign + symbol + (long) abs;
        }
        long cents = Math.round(abs * 100);
        return sign + symbol + (cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + (cents % 100);
    }

    /**
     * An amount to the unit (with cents when asked), digits grouped: "$848,000", "$1,020,500.50". For tables whose
     * rows a reader adds up (the MRR bridge, judgment.md P17), where "$1M" would not add up.
     */
    public String exactMoney(double amount, boolean cents) {
        String sign = amount < 0 ? "-" : "";
        long units = cents ? Math.round(Math.abs(amount) * 100) : Math.round(Math.abs(amount));
        String whole = String.format(java.util.Locale.ROOT, "%,d", cents ? units / 100 : units);
        return sign + symbol + whole + (cents ? "." + (units % 100 < 10 ? "0" : "") + units % 100 : "");
    }

    private static String trim(String number) {
        return number.endsWith(".0") ? number.substring(0, number.length() - 2) : number;
    }
}
