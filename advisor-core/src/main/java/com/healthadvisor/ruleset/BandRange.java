package com.healthadvisor.ruleset;

import com.healthadvisor.catalog.Unit;

import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The range of a band as an analyst writes it: {@code < 2%}, {@code <= 20%}, {@code > 5%},
 * {@code >= $10K}, or {@code 2% to 5%} (both ends included). Values may carry {@code %} (a fraction
 * of 100), a currency sign {@code $}, a {@code K}/{@code M}/{@code B} multiplier or a trailing {@code x}.
 */
public record BandRange(double low, boolean lowIncluded, double high, boolean highIncluded, String text) {

    private static final Pattern BOUND = Pattern.compile("(<=|>=|≤|≥|<|>)\\s*(\\S+)");
    private static final Pattern BETWEEN = Pattern.compile("(\\S+)\\s+to\\s+(\\S+)");
    private static final Pattern VALUE = Pattern.compile("([+-]?)([$€£]?)(\\d+(?:\\.\\d+)?)([%KMBx×]?)");

    public static BandRange parse(String text, Unit unit) {
        String trimmed = text.trim();
        Matcher bound = BOUND.matcher(trimmed);
        if (bound.matches()) {
            double value = value(bound.group(2), unit);
            return switch (bound.group(1)) {
                case "<" -> new BandRange(Double.NEGATIVE_INFINITY, false, value, false, trimmed);
                case "<=", "≤" -> new BandRange(Double.NEGATIVE_INFINITY, false, value, true, trimmed);
                case ">" -> new BandRange(value, false, Double.POSITIVE_INFINITY, false, trimmed);
                default -> new BandRange(value, true, Double.POSITIVE_INFINITY, false, trimmed);
            };
        }
        Matcher between = BETWEEN.matcher(trimmed);
        if (between.matches()) {
            double low = value(between.group(1), unit);
            double high = value(between.group(2), unit);
            if (low > high) {
                throw new IllegalArgumentException("range \"" + trimmed + "\" runs backwards: write the lower value first");
            }
            return new BandRange(low, true, high, true, trimmed);
        }
        throw new IllegalArgumentException("range \"" + trimmed
                + "\" is not one of: < X, <= X, > X, >= X, X to Y (e.g. \"2% to 5%\")");
    }

    private static double value(String written, Unit unit) {
        Matcher m = VALUE.matcher(written);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + written + "\" is not a number such as 5%, $1K, 1.5 or 3x");
        }
        double number = Double.parseDouble(m.group(3)) * ("-".equals(m.group(1)) ? -1 : 1);
        String suffix = m.group(4);
        boolean percent = suffix.equals("%");
        boolean money = !m.group(2).isEmpty();
        if (percent != unit.isPercent()) {
            throw new IllegalArgumentException(percent
                    ? "\"" + written + "\" is a percentage, but this metric is measured in " + unit
                    : "\"" + written + "\" needs a % sign: this metric is a " + unit);
        }
        if (money && unit != Unit.MONEY) {
            throw new IllegalArgumentException("\"" + written + "\" is an amount of money, but this metric is measured in " + unit);
        }
        double scaled = switch (suffix) {
            case "%" -> number / 100;
            case "K" -> number * 1e3;
            case "M" -> number * 1e6;
            case "B" -> number * 1e9;
            default -> number;
        };
        return new java.math.BigDecimal(scaled).round(new java.math.MathContext(12)).doubleValue();
    }

    public boolean contains(double value) {
        boolean aboveLow = lowIncluded ? value >= low : value > low;
        boolean belowHigh = highIncluded ? value <= high : value < high;
        return aboveLow && belowHigh;
    }

    /** True when the two ranges share more than a single boundary value. */
    boolean overlaps(BandRange other) {
        return Math.max(low, other.low) < Math.min(high, other.high);
    }

    public String describe(DoubleFunction<String> format) {
        if (Double.isInfinite(low)) {
            return (highIncluded ? "at most " : "below ") + format.apply(high);
        }
        if (Double.isInfinite(high)) {
            return (lowIncluded ? "at least " : "above ") + format.apply(low);
        }
        return "from " + format.apply(low) + " to " + format.apply(high);
    }

    @Override
    public String toString() {
        return text.toLowerCase(Locale.ROOT);
    }
}
