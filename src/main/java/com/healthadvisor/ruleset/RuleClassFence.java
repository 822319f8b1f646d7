package com.healthadvisor.ruleset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parent of every rule set's class loader, and the fence around the classes Drools generates from DRL:
 * they may link only to the fact types, plain value types of {@code java.lang}, {@code java.util} and
 * {@code java.math}, and the parts of Drools that generated code calls. {@code Runtime}, {@code System},
 * {@code Thread}, class loaders, reflection, {@code java.beans}, {@code java.io}, {@code java.nio} and
 * {@code java.net} are refused, so a construct the {@link DrlAllowList} might miss still cannot reach
 * them: the rule fails with {@link NoClassDefFoundError} instead.
 *
 * <p>{@code java.lang.Class} passes: the field readers Drools generates for the fact types take it in their
 * constructors. With reflection, class loaders and I/O fenced, a {@code Class} a rule could get is a name,
 * not a way in.
 *
 * <p>While it builds a rule set, Drools asks for a class under every name a DRL identifier could have, and
 * each miss of the class path searches every jar again. The allowed classes never change while the service
 * runs, so a miss is remembered and stays a miss.
 */
final class RuleClassFence extends ClassLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RuleClassFence.class);
    /** Enough for the names of many rule sets; past it the memory starts again rather than grow without end. */
    private static final int MAX_REMEMBERED = 100_000;

    private static final Set<String> JAVA_LANG = Set.of("Object", "String", "Boolean", "Byte", "Short", "Integer",
            "Long", "Float", "Double", "Character", "Number", "Math", "StrictMath", "Comparable", "CharSequence",
            "Iterable", "Enum", "Record", "Void", "Class", "StringBuilder", "Cloneable", "AutoCloseable",
            "Throwable", "Exception", "RuntimeException", "Error", "ArithmeticException", "ClassCastException",
            "IllegalArgumentException", "IllegalStateException", "IndexOutOfBoundsException",
            "NullPointerException", "UnsupportedOperationException", "NumberFormatException");
    /** java.util is collections and value types, but for these, which start threads or read files and settings. */
    private static final List<String> JAVA_UTIL_REFUSED = List.of("java.util.concurrent.", "java.util.jar.",
            "java.util.zip.", "java.util.logging.", "java.util.prefs.", "java.util.spi.", "java.util.stream.",
            "java.util.random.", "java.util.regex.", "java.util.Timer", "java.util.Scanner", "java.util.ServiceLoader",
            "java.util.Properties", "java.util.ResourceBundle", "java.util.PropertyResourceBundle");
    /** What generated rule classes link to: the facts, and Drools' own types for consequences, readers and accumulates. */
    private static final List<String> ALLOWED_PREFIXES = List.of("com.healthadvisor.facts.", "java.util.", "java.math.",
            "org.drools.base.base.", "org.drools.base.reteoo.", "org.drools.base.rule.", "org.drools.core.WorkingMemory",
            "org.drools.core.common.InternalFactHandle", "org.drools.core.reteoo.", "org.drools.core.rule.consequence.",
            "org.drools.core.base.accumulators.", "org.drools.mvel.", "org.drools.ecj.", "org.kie.api.");

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

    static boolean allowed(String name) {
        if (name.startsWith("java.lang.")) {
            String simple = name.substring("java.lang.".length());
            int nested = simple.indexOf('$');
            return JAVA_LANG.contains(nested < 0 ? simple : simple.substring(0, nested));
        }
        if (name.equals("java.io.Serializable")) {
            return true;
        }
        return ALLOWED_PREFIXES.stream().anyMatch(name::startsWith)
                && JAVA_UTIL_REFUSED.stream().noneMatch(name::startsWith);
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
