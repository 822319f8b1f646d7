package com.healthadvisor.ruleset;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parent of every rule set's class loader, remembering the names its own parent does not know. While it
 * builds a rule set, Drools asks for a class under every name a DRL identifier could have (each import
 * package tried in turn), and each miss searches every jar of the class path again. The classes this loader
 * can see never change while the service runs, so a miss stays a miss; classes Drools generates live in
 * the child loaders and are never asked of this one.
 */
final class RememberingClassLoader extends ClassLoader {

    /** Enough for the names of many rule sets; past it the memory starts again rather than grow without end. */
    private static final int MAX_REMEMBERED = 100_000;

    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    static {
        registerAsParallelCapable();
    }

    RememberingClassLoader(ClassLoader parent) {
        super("rule-set-parent", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) {
            throw new KnownMissing(name);
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

    /** A miss already known: no stack trace to fill in, since nobody reads it. */
    private static final class KnownMissing extends ClassNotFoundException {

        KnownMissing(String name) {
            super(name);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
