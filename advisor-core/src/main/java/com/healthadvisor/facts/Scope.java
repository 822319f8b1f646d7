package com.healthadvisor.facts;

/**
 * Where a fact applies: the whole company, one slice of a breakdown ({@code market:smb}) or one cohort
 * ({@code cohort:2024-01}). Facts carry it as its text, which is what rules compare ({@code scope == "company"}).
 *
 * @param dimension {@code company}, a breakdown's dimension ({@code market}, {@code product}, ...) or {@code cohort}
 * @param name      the slice or cohort; null for the company
 */
public record Scope(String dimension, String name) {

    public static final Scope COMPANY = new Scope(Metric.COMPANY, null);

    public Scope {
        if (dimension == null || dimension.isEmpty() || dimension.contains(":")
                || (name == null) != dimension.equals(Metric.COMPANY)) {
            throw new IllegalArgumentException("a scope is company, or a dimension and a name (was " + dimension
                    + ", " + name + ")");
        }
    }

    /** A scope from its text: {@code company}, {@code dimension:name}. */
    public static Scope of(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? new Scope(text, null) : new Scope(text.substring(0, colon), text.substring(colon + 1));
    }

    public static Scope slice(String dimension, String name) {
        return new Scope(dimension, name);
    }

    public static Scope cohort(String cohort) {
        return new Scope("cohort", cohort);
    }

    public boolean isCompany() {
        return name == null;
    }

    /** As facts and results write it. */
    @Override
    public String toString() {
        return isCompany() ? dimension : dimension + ":" + name;
    }
}
