package com.healthadvisor.facts;

/**
 * One metric fact: a value of one metric in one scope, with the benchmark band it falls in.
 *
 * @param code      metric code from metrics.md, e.g. {@code logo_churn_rate}
 * @param scope     {@code company}, {@code <dimension>:<name>} for a breakdown, or {@code cohort:<cohort>}
 * @param dimension the part of the scope before the colon ({@code company} for company scope)
 * @param age       periods since acquisition for cohort facts; the comparison age for cohort trends; else null
 * @param value     the value; ratios are fractions (0.06, not 6)
 * @param unit      {@code money}, {@code ratio}, {@code points}, {@code count}, {@code months}, {@code multiple}, {@code score}
 * @param source    {@code computed} or {@code reported}
 * @param band      the benchmark band the value falls in, or null when no band applies
 * @param benchmark     the band described in words, or null
 * @param windowMonths  the months of data the value stands on (12 for a figure the company reports as annual);
 *                      null where months do not apply (a cohort's retention at an age)
 */
public record Metric(String code, String scope, String dimension, Integer age, double value, String unit,
                     String source, String band, String benchmark, Integer windowMonths) {

    public static final String COMPANY = "company";

    public Metric withBand(String band, String benchmark) {
        return new Metric(code, scope, dimension, age, value, unit, source, band, benchmark, windowMonths);
    }

    public boolean isCompany() {
        return COMPANY.equals(scope);
    }
}
