package com.healthadvisor.metrics;

import java.util.Locale;
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

    public String format(double value, String unit) {
        return switch (unit) {
            case "ratio" -> percent(value);
            case "points" -> points(value);
            case "money" -> money(value);
            case "multiple" -> String.format(Locale.ROOT, "%.1f×", value);
            case "months" -> String.format(Locale.ROOT, "%.0f months", value);
            case "count" -> value == Math.rint(value)
                    ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%,.1f", value);
            default -> trim(String.format(Locale.ROOT, "%.1f", value));
        };
    }

    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    private static String points(double fraction) {
        return String.format(Locale.ROOT, "%+.1f pts", fraction * 100);
    }

    public String money(double amount) {
        String sign = amount < 0 ? "-" : "";
        double abs = Math.abs(amount);
        if (abs >= 1e9) {
            return sign + symbol + trim(String.format(Locale.ROOT, "%.1f", abs / 1e9)) + "B";
        }
        if (abs >= 1e6) {
            return sign + symbol + trim(String.format(Locale.ROOT, "%.1f", abs / 1e6)) + "M";
        }
        if (abs >= 1e4) {
            return sign + symbol + String.format(Locale.ROOT, "%.0f", abs / 1e3) + "K";
        }
        if (abs >= 1e3) {
            return sign + symbol + trim(String.format(Locale.ROOT, "%.1f", abs / 1e3)) + "K";
        }
        return sign + symbol + (abs == Math.rint(abs)
                ? String.format(Locale.ROOT, "%.0f", abs) : String.format(Locale.ROOT, "%.2f", abs));
    }

    private static String trim(String number) {
        return number.endsWith(".0") ? number.substring(0, number.length() - 2) : number;
    }
}
