package com.healthadvisor.company;

import com.healthadvisor.snapshot.Periods;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotWriter;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A period as it is stored: the snapshot, its document and the document's fingerprint, made before any database is
 * touched, so that a ledger's months are written out on every core.
 */
record UploadedMonth(Snapshot snapshot, String document, String sha256) {

    static UploadedMonth of(Snapshot snapshot) {
        String document = SnapshotWriter.write(snapshot);
        return new UploadedMonth(snapshot, document, CompanyMemory.sha256(document));
    }

    /** This month as a company's revision of its period. */
    StoredSnapshot revision(String company, int revision, Instant storedAt, String actor) {
        return new StoredSnapshot(company, snapshot.period(), revision, Periods.endMonth(snapshot.period()),
                snapshot.periodicity().word(), snapshot.currency(), sha256, document,
                SnapshotWriter.writeEntry(snapshot.period(), snapshot.figures()), storedAt, actor);
    }

    /** An upload names each period once: one period sent twice in one batch would be two answers to one question. */
    static void requireDistinctPeriods(List<Snapshot> months) {
        Set<String> seen = new HashSet<>();
        for (Snapshot month : months) {
            if (!seen.add(month.period())) {
                throw new IllegalArgumentException("the months sent at once name the period " + month.period()
                        + " twice");
            }
        }
    }
}
