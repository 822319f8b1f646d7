package com.healthadvisor.company;

import java.time.Instant;

/**
 * One revision of one period's snapshot, as stored.
 *
 * @param endMonth the month the period ends in, counted from year 0: periods of one form sort by it
 * @param sha256   of the document with its keys sorted, so that the same document sent twice is one revision
 * @param figures  the period's own figures as a history entry, for the diagnoses of later periods
 */
public record StoredSnapshot(String company, String period, int revision, int endMonth, String periodicity,
                             String currency, String sha256, String document, String figures, Instant storedAt,
                             String storedBy) {
}
