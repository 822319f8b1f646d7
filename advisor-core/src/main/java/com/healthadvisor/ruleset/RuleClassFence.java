package com.healthadvisor.ruleset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parent of every rule set's class loader, and the fence around the classes Drools generates from DRL: an
 * allow-list of the exact classes generated rule code links to. That is the fact types, the value types of
 * {@code java.lang}, {@code java.util} and {@code java.math} that their fields and the accumulate functions
 * return, and the few classes of Drools that generated consequences, field readers, accumulates and jitted
 * constraints call (read off the catalog's rules running their fixtures, the judgment's generated businesses and
 * a rule of each construct the {@link DrlAllowList} admits). Everything else is refused: {@code Runtime},
 * {@code System}, {@code Thread}, class loaders, reflection, {@code java.io}, {@code java.nio}, {@code java.net},
 * {@code java.util.Formatter} and {@code Scanner} (they open files), {@code ServiceLoader}, and the KIE API
 * ({@code KieServices} would build a second rule base outside this fence). So a construct the allow-list might
 * miss still cannot reach them: the rule fails with {@link NoClassDefFoundError} instead.
 *
 * <p>{@code java.lang.Class} passes: the field readers Drools generates for the fact types take it in their
 * constructors. With reflection, class loaders and I/O fenced, a {@code Class} a rule could get is a name, not a
 * way in.
 *
 * <p>While it builds a rule set, Drools asks for a class under every name a DRL identifier could have, and each
 * miss of the class path searches every jar again. The allowed classes never change while the service runs, so a
 * miss is remembered and stays a miss.
 */
final class RuleClassFence extends ClassLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RuleClassFence.class);
    /** Enough for the names of many rule sets; past it the memory starts again rather than grow without end. */
    private static final int MAX_REMEMBERED = 100_000;

    private static final String FACTS = "com.healthadvisor.facts.";
    private static final Set<String> ALLOWED = Stream.of(
            names("java.lang.", "Object", "String", "Boolean", "Byte", "Short", "Integer", "Long", "Float", "Double",
                    "Character", "Number", "Math", "Comparable", "CharSequence", "Iterable", "Enum", "Record", "Void",
                    "Class", "StringBuilder", "Cloneable", "Throwable", "Exception", "RuntimeException", "Error",
                    "ArithmeticException", "ClassCastException", "IllegalArgumentException", "IllegalStateException",
                    "IndexOutOfBoundsException", "NullPointerException", "UnsupportedOperationException",
                    "NumberFormatException"),
            // Text joined with + in a consequence compiles to a call site this factory links; it makes nothing else.
            names("java.lang.invoke.", "StringConcatFactory"),
            names("java.util.", "Collection", "List", "Set", "Map", "Map$Entry", "Iterator", "Date", "ArrayList",
                    "LinkedList", "HashSet", "LinkedHashSet", "HashMap", "LinkedHashMap", "TreeSet", "TreeMap",
                    "Collections", "Objects", "Optional", "Comparator"),
            names("java.math.", "BigDecimal", "BigInteger", "MathContext", "RoundingMode"),
            names("java.io.", "Serializable"),
            names("org.drools.base.base.", "ValueResolver", "ValueType", "extractors.BaseObjectClassFieldReader"),
            names("org.drools.base.reteoo.", "BaseTuple"),
            names("org.drools.base.rule.", "Declaration", "accessor.CompiledInvoker", "accessor.ReturnValueExpression",
                    "consequence.Consequence", "consequence.ConsequenceContext"),
            names("org.drools.core.", "WorkingMemory", "common.InternalFactHandle", "reteoo.LeftTuple", "reteoo.Tuple",
                    "rule.consequence.KnowledgeHelper"),
            names("org.drools.core.base.accumulators.", "AverageAccumulateFunction",
                    "BigDecimalAverageAccumulateFunction", "BigDecimalMaxAccumulateFunction",
                    "BigDecimalMinAccumulateFunction", "BigDecimalSumAccumulateFunction",
                    "BigIntegerMaxAccumulateFunction", "BigIntegerMinAccumulateFunction",
                    "BigIntegerSumAccumulateFunction", "CollectListAccumulateFunction", "CollectSetAccumulateFunction",
                    "CountAccumulateFunction", "IntegerMaxAccumulateFunction", "IntegerMinAccumulateFunction",
                    "IntegerSumAccumulateFunction", "LongMaxAccumulateFunction", "LongMinAccumulateFunction",
                    "LongSumAccumulateFunction", "MaxAccumulateFunction", "MinAccumulateFunction",
                    "NumericMaxAccumulateFunction", "NumericMinAccumulateFunction",
                    "StandardDeviationAccumulateFunction", "SumAccumulateFunction", "VarianceAccumulateFunction"),
            names("org.drools.mvel.", "ConditionEvaluator", "EvaluatorHelper", "accessors.BaseBooleanClassFieldReader",
                    "accessors.BaseDecimalClassFieldReader", "accessors.BaseWholeNumberClassFieldReader",
                    "asm.ConsequenceGenerator", "asm.ConsequenceStub", "field.FieldFactory"),
            names("org.drools.mvel.evaluators.", "AfterEvaluatorDefinition", "BeforeEvaluatorDefinition",
                    "CoincidesEvaluatorDefinition", "DuringEvaluatorDefinition", "FinishedByEvaluatorDefinition",
                    "FinishesEvaluatorDefinition", "IncludesEvaluatorDefinition", "MeetsEvaluatorDefinition",
                    "MetByEvaluatorDefinition", "OverlappedByEvaluatorDefinition", "OverlapsEvaluatorDefinition",
                    "SoundslikeEvaluatorsDefinition", "StartedByEvaluatorDefinition", "StartsEvaluatorDefinition"),
            names("org.drools.ecj.", "EclipseJavaCompiler"),
            names("org.kie.api.runtime.rule.", "FactHandle")
    ).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private final Set<String> refusedLogged = ConcurrentHashMap.newKeySet();

    static {
        registerAsParallelCapable();
    }

    RuleClassFence(ClassLoader parent) {
        super("rule-class-fence", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!allowed(name)) {
            logRefusal(name);
            throw new Refused(name);
        }
        if (missing.contains(name)) {
            throw new Refused(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            if (missing.size() >= MAX_REMEMBERED) {
                missing.clear();
            }
            missing.add(name);
            throw e;
        }
    }

    /** The fact types (our own records, each a plain value), and the exact classes listed above. */
    static boolean allowed(String name) {
        return name.startsWith(FACTS) && name.indexOf('.', FACTS.length()) < 0 || ALLOWED.contains(name);
    }

    private static Set<String> names(String prefix, String... classes) {
        return Stream.of(classes).map(simple -> prefix + simple).collect(Collectors.toSet());
    }

    /**
     * Drools probes many names that are no class at all ({@code rules.Metric}, {@code java.lang.code}); a refused
     * name that looks like a real class of the JDK is worth a line in the log, once.
     */
    private void logRefusal(String name) {
        int dot = name.lastIndexOf('.');
        boolean looksReal = (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("sun.")
                || name.startsWith("jdk.")) && dot > 0 && Character.isUpperCase(name.charAt(dot + 1))
                && name.indexOf('$') < 0;
        if (looksReal && refusedLogged.size() < MAX_REMEMBERED && refusedLogged.add(name)) {
            LOG.warn("a rule class asked for {}, which rules may not use; refused", name);
        }
    }

    /** A name refused or already known to be missing: no stack trace to fill in, since nobody reads it. */
    private static final class Refused extends ClassNotFoundException {

        Refused(String name) {
            super(name);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
