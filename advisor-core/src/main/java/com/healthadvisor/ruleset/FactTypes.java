package com.healthadvisor.ruleset;

import com.healthadvisor.facts.Context;
import com.healthadvisor.facts.Discrepancy;
import com.healthadvisor.facts.Finding;
import com.healthadvisor.facts.Limit;
import com.healthadvisor.facts.LimitValues;
import com.healthadvisor.facts.Metric;
import com.healthadvisor.facts.Quantity;
import com.healthadvisor.facts.Target;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a rule may name: the fact types a pattern may match, their fields, and the few value methods a
 * condition or a consequence may call. Every name here returns a plain value or another fact, so no
 * chain of them can reach code.
 */
final class FactTypes {

    static final String PACKAGE = "com.healthadvisor.facts.";

    /** The types rules may match, by simple name, with their fields. */
    private static final Map<String, Set<String>> PATTERN_TYPES = Stream.of(Metric.class, Finding.class, Limit.class,
                    Context.class, Target.class, Discrepancy.class)
            .collect(Collectors.toMap(Class::getSimpleName, FactTypes::fields));

    /** Types a file may import: the pattern types and the value types their methods return. */
    private static final Set<String> IMPORTABLE = Stream.concat(PATTERN_TYPES.keySet().stream(),
            Stream.of(Quantity.class.getSimpleName())).collect(Collectors.toUnmodifiableSet());

    /**
     * Members that may follow a bound variable: every field of every fact type, the derived values the
     * catalog uses, and {@code size}/{@code isEmpty} for the collections an accumulate collects.
     */
    private static final Set<String> MEMBERS = Stream.concat(
                    Stream.of(Metric.class, Finding.class, Limit.class, Context.class, Target.class, Discrepancy.class,
                            Quantity.class).map(FactTypes::fields).flatMap(Set::stream),
                    Stream.of("computedQuantity", "targetQuantity", "severityRank", "isCompany", "size", "isEmpty"))
            .collect(Collectors.toUnmodifiableSet());

    /** The calls a consequence may chain on {@code Finding.of(...)}. */
    static final Set<String> FINDING_METHODS = Set.of("in", "about", "with", "note", "basedOn");

    /**
     * The one global rules see: the limits, read as {@code limits.value("name")} with the name in quotes. The
     * compiler declares it in every rule file, so a file does not (and may not) declare globals of its own.
     */
    static final String LIMITS = LimitValues.GLOBAL;
    static final String LIMITS_DECLARATION = "global " + LimitValues.class.getName() + " " + LIMITS + ";";

    /** {@code Math} functions a consequence may use on numbers. */
    static final Set<String> MATH_FUNCTIONS = Set.of("abs", "min", "max");

    private FactTypes() {
    }

    /** The fields of a pattern type, or null when rules may not match that type. */
    static Set<String> fieldsOf(String type) {
        String simple = type.startsWith(PACKAGE) ? type.substring(PACKAGE.length()) : type;
        return PATTERN_TYPES.get(simple);
    }

    static boolean isPatternType(String type) {
        return fieldsOf(type) != null;
    }

    static boolean isImportable(String target) {
        return target.equals(PACKAGE + "*")
                || target.startsWith(PACKAGE) && IMPORTABLE.contains(target.substring(PACKAGE.length()));
    }

    static boolean isMember(String name) {
        return MEMBERS.contains(name);
    }

    static Set<String> patternTypes() {
        return new TreeSet<>(PATTERN_TYPES.keySet());
    }

    private static Set<String> fields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());
    }
}
