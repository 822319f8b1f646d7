package com.healthadvisor.facts;

import com.healthadvisor.catalog.Unit;

/**
 * One metric fact: a value of one metric in one scope, with the benchmark band it falls in.
 *
 * @param code      metric code from metrics.md, e.g. {@code logo_churn_rate}
 * @param scope     {@code company}, {@code <dimension>:<name>} for a breakdown, or {@code cohort:<cohort>}
 * @param dimension the part of the scope before the colon ({@code company} for company scope)
 * @param age       periods since acquisition for cohort facts; the comparison age for cohort trends; else null
 * @param value     the value; ratios are fractions (0.06, not 6)
 * @param unit      the word of its {@link Unit}: {@code money}, {@code ratio}, {@code points}, {@code count},
 *                  {@code months}, {@code multiple} or {@code score} (rule files compare it as text)
 * @param source    {@code computed} or {@code reported}
 * @param band      the benchmark band the value falls in, or null when no band applies
 * @param benchmark     the band described in words, or null
 * @param windowMonths  the months of data the value stands on (12 for a figure the company reports as annual);
 *                      null where months do not apply (a cohort's retention at an age)
 */
public record Metric(String code, String scope, String dimension, Integer age, double value, String unit,
                     String source, String band, String benchmark, Integer windowMonths) {

    public static final String COMPANY = "company";

    /** The dimension of a cohort's scope ({@code cohort:2024-01}). */
    public static final String COHORT = "cohort";

    /** What the advisor computed itself, as opposed to what the snapshot reported. */
    public static final String COMPUTED = "computed";
    public static final String REPORTED = "reported";

    /**
     * A value of the whole company, not yet banded.
     *
     * @param windowMonths the months of data it stands on; null where months do not apply
     */
    public static Metric ofCompany(String code, double value, Unit unit, String source, Integer windowMonths) {
        return in(Scope.COMPANY, code, value, unit, source, windowMonths);
    }

    /** A value in a scope (the company, a breakdown's slice, a cohort), not yet banded. */
    public static Metric in(Scope scope, String code, double value, Unit unit, String source,
                            Integer windowMonths) {
        return new Metric(code, scope.text(), scope.dimension(), null, value, unit.word(), source, null, null,
                windowMonths);
    }

    /**
     * A value of the whole company about one breakdown dimension (how far its slices add up to the company): company
     * scope, that dimension.
     */
    public static Metric ofCompanyAbout(String dimension, String code, double value, Unit unit, Integer windowMonths) {
        return new Metric(code, COMPANY, dimension, null, value, unit.word(), COMPUTED, null, null, windowMonths);
    }

    /** A cohort's share retained at an age (periods since it was acquired); {@code cohort} is its scope. */
    public static Metric ofCohort(String code, Scope cohort, int age, double share) {
        return new Metric(code, cohort.text(), cohort.dimension(), age, share, Unit.RATIO.word(), COMPUTED, null, null,
                null);
    }

    /** How the cohorts compare at an age, in points a cohort: a company-wide trend. */
    public static Metric cohortTrend(String code, int age, double points) {
        return new Metric(code, COMPANY, COMPANY, age, points, Unit.POINTS.word(), COMPUTED, null, null, null);
    }

    public Metric withBand(String band, String benchmark) {
        return new Metric(code, scope, dimension, age, value, unit, source, band, benchmark, windowMonths);
    }

    public boolean isCompany() {
        return COMPANY.equals(scope);
    }
}
