package com.healthadvisor.facts;

/**
 * Where a fact applies: the whole company, one slice of a breakdown ({@code market:smb}) or one cohort
 * ({@code cohort:2024-01}). Facts carry it as its text, which is what rules compare ({@code scope == "company"}).
 * Made by {@link #COMPANY} or {@link #slice}.
 *
 * @param dimension {@code company}, a breakdown's dimension ({@code market}, {@code product}, ...) or {@code cohort}
 * @param name      the slice or cohort; null for the company
 * @param text      as facts and results write it, made once: every metric fact of a scope carries it
 */
public record Scope(String dimension, String name, String text) {

    public static final Scope COMPANY = new Scope(Metric.COMPANY, null, Metric.COMPANY);

    public Scope {
        if (dimension == null || dimension.isEmpty() || dimension.contains(":")
                || (name == null) != dimension.equals(Metric.COMPANY) || !spells(text, dimension, name)) {
            throw new IllegalArgumentException("a scope is company, or a dimension and a name (was " + dimension
                    + ", " + name + ")");
        }
    }

    public static Scope slice(String dimension, String name) {
        return new Scope(dimension, name, text(dimension, name));
    }

    @Override
    public String toString() {
        return text;
    }

    /** Whether {@code text} is {@code dimension:name} (the dimension alone for the company), without writing it. */
    private static boolean spells(String text, String dimension, String name) {
        if (name == null) {
            return text.equals(dimension);
        }
        return text.length() == dimension.length() + 1 + name.length() && text.startsWith(dimension)
                && text.charAt(dimension.length()) == ':' && text.endsWith(name);
    }

    private static String text(String dimension, String name) {
        return name == null ? dimension : dimension + ":" + name;
    }
}
