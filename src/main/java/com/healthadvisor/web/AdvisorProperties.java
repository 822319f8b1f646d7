package com.healthadvisor.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The service's settings ({@code advisor.*} in application.yaml, or environment variables such as
 * {@code ADVISOR_ADMIN_TOKEN}).
 *
 * @param rules              the rules directory
 * @param fixtures           the fixtures every rule change is vetted with; by default {@code fixtures} beside the
 *                           rules directory (a missing directory is said at start-up and in health)
 * @param adminToken         bearer token for rule changes over HTTP; without one, rule changes over HTTP are refused
 * @param apiKeys            when not empty, diagnosing needs one of these in {@code X-API-Key}
 * @param maxFirings         rule firings one evaluation may make before it is stopped as a loop
 * @param evaluationTimeout  how long one evaluation may run
 * @param reloadDebounce     quiet time after a change on disk before the rules are reloaded
 * @param watch              whether to watch the rules directory for changes
 * @param maxSnapshotSize    the largest snapshot accepted
 * @param maxLedgerSize      the largest ledger CSV accepted over HTTP (ledgers are larger than snapshots)
 * @param historyMaxAge      how long replaced rule files are kept under {@code rules/.history}
 * @param historyMaxVersions how many replaced versions of one rule file are kept at most
 * @param workerThreads      request threads; 0 means two per core (see {@link WorkerThreads})
 */
@ConfigurationProperties("advisor")
public record AdvisorProperties(@DefaultValue("rules") Path rules, Path fixtures,
                                String adminToken, @DefaultValue List<String> apiKeys,
                                @DefaultValue("10000") int maxFirings, @DefaultValue("2s") Duration evaluationTimeout,
                                @DefaultValue("300ms") Duration reloadDebounce, @DefaultValue("true") boolean watch,
                                @DefaultValue("5MB") DataSize maxSnapshotSize, @DefaultValue("0") int workerThreads,
                                @DefaultValue("16MB") DataSize maxLedgerSize, @DefaultValue("7d") Duration historyMaxAge,
                                @DefaultValue("100") int historyMaxVersions) {

    /** The fixtures directory: as set, else beside the rules directory, wherever the service was started from. */
    public Path fixturesDirectory() {
        return fixtures != null ? fixtures : rules.toAbsolutePath().normalize().resolveSibling("fixtures");
    }

    public boolean hasAdminToken() {
        return adminToken != null && !adminToken.isBlank();
    }
}
