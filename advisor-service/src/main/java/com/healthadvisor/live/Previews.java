package com.healthadvisor.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Previews waiting to be applied, by id, each for an hour and for its author only: nobody else sees or applies it,
 * and an author's newest {@value #MAX_PER_AUTHOR} are kept, so one person's previews never push out another's. A
 * preview leaves when it is applied; an apply that is refused (a stale base, a file its author may not change)
 * leaves it in place.
 */
public final class Previews {

    /** With the request's size bound, at most 16 MB of changes waiting per author. */
    static final int MAX_PER_AUTHOR = 8;
    private static final Duration KEPT = Duration.ofHours(1);

    /** A preview, who made it, and the changes it was made of (null content: a deleted file). */
    public record Pending(String id, String author, Instant at, Preview preview, Map<String, String> changes,
                          String restores) {
    }

    /** In the order they were made, so that an author's oldest is the first of theirs to go. */
    private final Map<String, Pending> byId = new LinkedHashMap<>();
    private final java.util.List<java.util.function.Consumer<Pending>> onApplied =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Clock clock;

    public Previews(Clock clock) {
        this.clock = clock;
    }

    public synchronized Pending add(String author, Preview preview, Map<String, String> changes) {
        return add(author, preview, changes, null);
    }

    /** A change that restores a version ({@code restores}, else null): its preview says which. */
    public synchronized Pending add(String author, Preview preview, Map<String, String> changes, String restores) {
        Pending pending = new Pending(UUID.randomUUID().toString(), author, clock.instant(), preview,
                Collections.unmodifiableMap(new LinkedHashMap<>(changes)), restores);
        List<String> theirs = new ArrayList<>(byId.values().stream().filter(p -> p.author().equals(author))
                .map(Pending::id).toList());
        while (theirs.size() >= MAX_PER_AUTHOR) {
            byId.remove(theirs.remove(0));
        }
        byId.values().removeIf(this::expired);
        byId.put(pending.id(), pending);
        return pending;
    }

    /** The author's preview of this id, left in place; empty when unknown, someone else's, or older than an hour. */
    public synchronized Optional<Pending> find(String author, String id) {
        Pending pending = byId.get(id);
        return pending == null || !pending.author().equals(author) || expired(pending) ? Optional.empty()
                : Optional.of(pending);
    }

    /** Forgets a preview once it has been applied (it is applied at most once), and tells who listens. */
    public void remove(String id) {
        Pending applied;
        synchronized (this) {
            applied = byId.remove(id);
        }
        if (applied != null) {
            onApplied.forEach(listener -> listener.accept(applied));
        }
    }

    /** Called with each preview once applied: what it showed moving is what the change moved. */
    public void onApplied(java.util.function.Consumer<Pending> listener) {
        onApplied.add(listener);
    }

    private boolean expired(Pending pending) {
        return pending.at().plus(KEPT).isBefore(clock.instant());
    }
}
