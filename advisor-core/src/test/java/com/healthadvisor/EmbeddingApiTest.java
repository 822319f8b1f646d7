package com.healthadvisor;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a program that embeds the advisor can reach from {@link HealthAdvisor}: its methods' types, their
 * components, and the exceptions it documents, followed to the end. Only data comes out; the engine, the rule set,
 * the session pool and the snapshot's internal model stay inside.
 */
class EmbeddingApiTest {

    @Test
    void theApiReachesOnlyItsResultRecordsAndThreeExceptions() {
        assertThat(reachable(HealthAdvisor.class, InvalidSnapshotException.class, RuleSetException.class,
                InvalidLedgerException.class))
                .containsExactlyInAnyOrderElementsOf(names(HealthAdvisor.class, RuleFiles.class, DiagnosisResult.class,
                        DiagnosisResult.RuleSetInfo.class, DiagnosisResult.DimensionStatus.class,
                        DiagnosisResult.MetricValue.class, DiagnosisResult.NotAssessed.class, Diagnosis.class,
                        Evidence.class, Action.class, InvalidSnapshotException.class, Violation.class,
                        RuleSetException.class, RuleProblem.class, InvalidLedgerException.class));
    }

    /** Everything a user touches is in one package: README's example needs no other import. */
    @Test
    void everythingReachedIsInTheApiPackage() {
        for (String name : reachable(HealthAdvisor.class, InvalidSnapshotException.class, RuleSetException.class,
                InvalidLedgerException.class)) {
            assertThat(load(name).getPackageName()).as(name).isEqualTo(HealthAdvisor.class.getPackageName());
        }
    }

    @Test
    void everythingReachedBesidesTheEntryPointIsARecordOrAnException() {
        for (String name : reachable(HealthAdvisor.class, InvalidSnapshotException.class, RuleSetException.class,
                InvalidLedgerException.class)) {
            Class<?> type = load(name);
            assertThat(type == HealthAdvisor.class || type.isRecord() || Throwable.class.isAssignableFrom(type))
                    .as(name).isTrue();
        }
    }

    private static Set<String> reachable(Class<?>... roots) {
        Set<String> seen = new TreeSet<>();
        Deque<Type> work = new ArrayDeque<>(java.util.List.of(roots));
        while (!work.isEmpty()) {
            Type type = work.pop();
            if (type instanceof ParameterizedType generic) {
                work.push(generic.getRawType());
                java.util.Collections.addAll(work, generic.getActualTypeArguments());
                continue;
            }
            if (!(type instanceof Class<?> clazz) || clazz.isPrimitive() || clazz.isArray()
                    || !clazz.getName().startsWith("com.healthadvisor.") || !seen.add(clazz.getName())) {
                continue;
            }
            for (Method method : clazz.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    work.push(method.getGenericReturnType());
                    java.util.Collections.addAll(work, method.getGenericParameterTypes());
                }
            }
            if (clazz.isRecord()) {
                for (RecordComponent component : clazz.getRecordComponents()) {
                    work.push(component.getGenericType());
                }
            }
        }
        return seen;
    }

    private static Set<String> names(Class<?>... types) {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : types) {
            names.add(type.getName());
        }
        return names;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
