package com.healthadvisor.company;

import java.time.Instant;

/**
 * The diagnosis of one stored revision.
 *
 * @param summary the period's timeline entry as JSON (health, key metrics, codes)
 * @param result  the whole result as JSON (contract.md section 2)
 */
record StoredDiagnosis(String company, String period, int revision, String ruleSetVersion, String health,
                              String summary, String result, Instant diagnosedAt) {
}
