package com.healthadvisor.ruleset;

import com.healthadvisor.metrics.MetricCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explanation templates: text with placeholders such as {@code {logo_churn_rate}} (the value, formatted
 * as a person writes it), {@code {nrr.band}}, {@code {nrr.benchmark}}, {@code {cohort_logo_retention_shift.age}},
 * a note a rule attached ({@code {naive_annual}}), or a built-in: {@code {scope}} and {@code {subject}} in
 * words, {@code {value}} (the first evidence), {@code {evidence}} (every piece of evidence with its name).
 * {@code {a|b}} takes the first of a and b that is known.
 */
public final class Explanation {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern ALTERNATIVE = Pattern.compile("([a-z][a-z0-9_]*)(?:\\.(band|benchmark|age))?");
    static final Set<String> BUILT_INS = Set.of("scope", "subject", "value", "evidence");

    private Explanation() {
    }

    /** The problems of a template, given the notes rules may attach. */
    static List<String> problems(String template, Set<String> notes) {
        List<String> problems = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            for (String alternative : placeholder.group(1).split("\\|")) {
                Matcher parts = ALTERNATIVE.matcher(alternative.trim());
                if (!parts.matches()) {
                    problems.add("placeholder {" + placeholder.group(1) + "} is not {metric}, {metric.band}, "
                            + "{metric.benchmark}, {metric.age}, {note}, {scope}, {subject}, {value} or {evidence}");
                } else if (!MetricCatalog.isKnown(parts.group(1)) && !notes.contains(parts.group(1))
                        && !BUILT_INS.contains(parts.group(1))) {
                    problems.add("placeholder {" + alternative + "} names no metric, note or built-in; did you mean {"
                            + MetricCatalog.nearest(parts.group(1)) + "}?");
                }
            }
        }
        return problems;
    }

    /** Fills each placeholder with the first alternative that {@code lookup} knows, or "n/a". */
    public static String render(String template, Function<String, String> lookup) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = null;
            for (String alternative : placeholder.group(1).split("\\|")) {
                value = value == null ? lookup.apply(alternative.trim()) : value;
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value == null ? "n/a" : value));
        }
        placeholder.appendTail(out);
        String text = out.toString().replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
