package com.healthadvisor.live;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A preview is its author's: nobody else finds it, and nobody's previews push out anybody else's. */
class PreviewsTest {

    private final Previews previews = new Previews(Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void onlyItsAuthorFindsAPreview() {
        String id = previews.add("bob", null, Map.of("limits.csv", "x")).id();

        assertThat(previews.find("alice", id)).isEmpty();
        assertThat(previews.find("bob", id)).isPresent();
    }

    @Test
    void manyPreviewsOfOneAuthorEvictOnlyTheirOwnOldest() {
        String bobs = previews.add("bob", null, Map.of("limits.csv", "x")).id();
        String alicesFirst = previews.add("alice", null, Map.of("limits.csv", "0")).id();
        for (int i = 1; i < 16; i++) {
            previews.add("alice", null, Map.of("limits.csv", String.valueOf(i)));
        }

        assertThat(previews.find("bob", bobs)).isPresent();
        assertThat(previews.find("alice", alicesFirst)).isEmpty();
    }

    @Test
    void aPreviewLeavesOnlyWhenApplied() {
        String id = previews.add("bob", null, Map.of("limits.csv", "x")).id();

        previews.find("bob", id);
        assertThat(previews.find("bob", id)).isPresent();
        previews.remove(id);
        assertThat(previews.find("bob", id)).isEmpty();
    }
}
