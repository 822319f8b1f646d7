package com.healthadvisor.report;

import com.healthadvisor.diagnosis.DiagnosisWriter;
import com.healthadvisor.catalog.MetricCatalog;

import java.time.Instant;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Codes turned into the words a report reader expects: periods, severities, scopes, bands, dimensions. */
final class Words {

    private static final DateTimeFormatter LOADED_AT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Words() {
    }

    /** "2024-06" is "June 2024", "2024-Q2" is "Q2 2024", "2024" stays "2024". */
    static String period(String period) {
        if (period == null) {
            return "";
        }
        if (period.matches("\\d{4}-\\d{2}")) {
            Month month = Month.of(Integer.parseInt(period.substring(5)));
            return month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + period.substring(0, 4);
        }
        if (period.matches("\\d{4}-Q\\d")) {
            return period.substring(5) + " " + period.substring(0, 4);
        }
        return period;
    }

    static String capitalized(String word) {
        String spaced = word.replace('_', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String band(String band) {
        return band == null ? "" : band.replace('_', ' ');
    }

    static String scope(String scope) {
        if ("company".equals(scope)) {
            return "Company";
        }
        String words = DiagnosisWriter.scopeInWords(scope);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String metric(String code) {
        return MetricCatalog.find(code).map(m -> capitalized(m.label())).orElse(capitalized(code));
    }

    static String instant(Instant instant) {
        return LOADED_AT.format(instant);
    }

    static String health(String health) {
        return switch (health) {
            case "healthy" -> "Healthy";
            case "moderate" -> "Moderate: some things to fix";
            case "concerning" -> "Concerning: act on the risks below";
            case "insufficient_data" -> "Insufficient data: too little to judge";
            default -> "Critical: act now";
        };
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static final Pattern KEY =
            Pattern.compile("\\b(?:mrr|customers|revenue|finance|metrics|profile|year_ago_customers|"
                    + "customer_revenue|cohorts|breakdowns|history|targets)\\.[a-z0-9_]+\\b");

    /** The first letter upper case, nothing else touched (a key's underscores stay). */
    static String firstUpper(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /**
     * A sentence cut into words and the snapshot keys it names ({@code finance.net_burn}), so that a report can
     * show the keys as code, as they are typed; elsewhere a code's underscores read as spaces ("mid market").
     */
    static List<ReportView.Text> withKeys(String sentence) {
        List<ReportView.Text> parts = new ArrayList<>();
        Matcher key = KEY.matcher(sentence);
        int at = 0;
        while (key.find()) {
            if (key.start() > at) {
                parts.add(new ReportView.Text(sentence.substring(at, key.start()).replace('_', ' '), false));
            }
            parts.add(new ReportView.Text(key.group(), true));
            at = key.end();
        }
        if (at < sentence.length()) {
            parts.add(new ReportView.Text(sentence.substring(at).replace('_', ' '), false));
        }
        return parts;
    }

    /** "over 12 months", "over the month" for the months a figure stands on. */
    static String window(Integer months) {
        if (months == null || months <= 1) {
            return "over the month";
        }
        return "over " + months + " months";
    }
}
