package com.healthadvisor.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Previews waiting to be applied, by id: the latest {@value #MAX} for an hour each. A preview is applied once; one
 * made against a rule set that is no longer active is refused when applied ({@link StalePreviewException}).
 */
public final class Previews {

    /** With the request's size bound, at most 32 MB of changes waiting. */
    static final int MAX = 16;
    private static final Duration KEPT = Duration.ofHours(1);

    /** A preview and the changes it was made of (null content: a deleted file). */
    public record Pending(String id, Instant at, Preview preview, Map<String, String> changes) {
    }

    private final Map<String, Pending> byId = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > MAX;
        }
    });
    private final Clock clock;

    public Previews(Clock clock) {
        this.clock = clock;
    }

    public Pending add(Preview preview, Map<String, String> changes) {
        Pending pending = new Pending(UUID.randomUUID().toString(), clock.instant(), preview,
                Collections.unmodifiableMap(new LinkedHashMap<>(changes)));
        byId.put(pending.id(), pending);
        return pending;
    }

    /** The preview of this id, left in place: to show it before it is applied. */
    public Optional<Pending> find(String id) {
        Pending pending = byId.get(id);
        return pending == null || pending.at().plus(KEPT).isBefore(clock.instant()) ? Optional.empty()
                : Optional.of(pending);
    }

    /** The preview of this id, removed: it is applied at most once. Empty when unknown or older than an hour. */
    public Optional<Pending> take(String id) {
        Pending pending = byId.remove(id);
        return pending == null || pending.at().plus(KEPT).isBefore(clock.instant()) ? Optional.empty()
                : Optional.of(pending);
    }
}
