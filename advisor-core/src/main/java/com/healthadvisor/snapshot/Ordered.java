package com.healthadvisor.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Unmodifiable copies that keep the order they were given. {@code Map.copyOf} would do, except that its
 * order changes from one JVM to the next, and so would every list made from it (the result's metrics).
 */
final class Ordered {

    private Ordered() {
    }

    static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        map.forEach((key, value) -> {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
