package com.healthadvisor.ruleset;

import com.healthadvisor.catalog.MetricCatalog;

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
final class Explanation {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern ALTERNATIVE = Pattern.compile("([a-z][a-z0-9_]*)(?:\\.(band|benchmark|age))?");
    static final Set<String> BUILT_INS = Set.of("scope", "subject", "value", "evidence");

    private Explanation() {
    }

    /** The problems of a template, given the notes rules may attach. */
    /** The problems of a compiled template: each placeholder checked as in the text it came from. */
    static List<String> problems(Compiled template, Set<String> notes) {
        StringBuilder text = new StringBuilder();
        for (List<String> alternatives : template.placeholders()) {
            text.append('{').append(String.join("|", alternatives)).append('}');
        }
        return problems(text.toString(), notes);
    }

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

    /**
     * A template split once into literal text and placeholders, so that rendering is concatenation:
     * explanations are written on every diagnosis, templates change only with the rule set.
     */
    public record Compiled(List<String> literals, List<List<String>> placeholders) {

        /** Fills each placeholder with the first alternative that {@code lookup} knows, or "n/a". */
        public String render(Function<String, String> lookup) {
            // Room for the text and a typical value per placeholder, so that the builder rarely grows.
            int length = 24 * placeholders.size();
            for (String literal : literals) {
                length += literal.length();
            }
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < placeholders.size(); i++) {
                out.append(literals.get(i));
                String value = null;
                for (String alternative : placeholders.get(i)) {
                    value = lookup.apply(alternative);
                    if (value != null) {
                        break;
                    }
                }
                out.append(value == null ? "n/a" : value);
            }
            out.append(literals.get(placeholders.size()));
            if (!out.isEmpty()) {
                out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
            }
            return out.toString();
        }
    }

    public static Compiled compile(String template) {
        String normalized = template.replaceAll("\\s+", " ").trim();
        Matcher placeholder = PLACEHOLDER.matcher(normalized);
        List<String> literals = new ArrayList<>();
        List<List<String>> placeholders = new ArrayList<>();
        int at = 0;
        while (placeholder.find()) {
            literals.add(normalized.substring(at, placeholder.start()));
            placeholders.add(java.util.Arrays.stream(placeholder.group(1).split("\\|")).map(String::trim).toList());
            at = placeholder.end();
        }
        literals.add(normalized.substring(at));
        return new Compiled(List.copyOf(literals), List.copyOf(placeholders));
    }
}
