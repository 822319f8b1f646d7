package com.healthadvisor.company;

import com.healthadvisor.report.ResultJson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Timeline entries read from their stored text, the most recently used kept. A company's glance is written again at
 * every write from its newest twelve entries, eleven of which it read at the write before: reading them was a tenth
 * of storing a bridge. Keyed by the text itself, so an entry can never be told for another text.
 */
final class ParsedSummaries {

    /** Enough for a few dozen companies written at once; each entry a few kilobytes. */
    private static final int KEPT = 1_024;

    private final Map<String, TimelineEntry> entries = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TimelineEntry> eldest) {
            return size() > KEPT;
        }
    };

    TimelineEntry read(String summary) {
        synchronized (entries) {
            TimelineEntry known = entries.get(summary);
            if (known != null) {
                return known;
            }
        }
        // Read outside the lock: writes of other companies need not wait for this one's.
        TimelineEntry entry = ResultJson.mapper().readValue(summary, TimelineEntry.class);
        synchronized (entries) {
            entries.put(summary, entry);
        }
        return entry;
    }
}
