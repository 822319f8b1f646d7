package com.healthadvisor.settings;

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
 * @param adminToken         bearer token of the one admin {@code admin} (ADVISOR_ADMIN_TOKEN); rule changes over HTTP are
 *                           refused when neither it nor an editor is configured
 * @param editors            named tokens with a role: {@code viewer} reads the company memory, {@code analyst} also
 *                           stores snapshots and changes benchmarks, limits and wording, {@code admin} also changes
 *                           DRL and deletes companies; each token is given as its SHA-256, never in plain text
 * @param apiKeys            when not empty, diagnosing needs one of these in {@code X-API-Key}
 * @param maxFirings         rule firings one evaluation may make before it is stopped as a loop
 * @param evaluationTimeout  how long one evaluation may run
 * @param reloadDebounce     quiet time after a change on disk before the rules are reloaded
 * @param watch              whether to watch the rules directory for changes
 * @param maxSnapshotSize    the largest snapshot accepted
 * @param maxLedgerSize      the largest ledger CSV accepted over HTTP (ledgers are larger than snapshots)
 * @param historyMaxAge      how long rule set versions and audit lines are kept in the database (the newest version
 *                           always)
 * @param historyMaxVersions how many rule set versions are kept at most
 * @param historyMaxBytes    how many bytes of rule file content the kept versions may hold (each content counted
 *                           once); past it, the oldest versions go
 * @param workerThreads      request threads; 0 means Tomcat's own count, 200 (see {@link WorkerThreads})
 * @param users              who may sign in to the workbench: a name, a role and a password hash
 *                           ({@code ./health-advisor hash-password}), never the password itself
 * @param initialAdminPassword the password of the workbench user {@code admin}
 *                           (ADVISOR_INITIAL_ADMIN_PASSWORD): how the first person signs in; there is no default,
 *                           and one shorter than {@value #MIN_PASSWORD_LENGTH} characters stops the start
 * @param requestBodyTimeout the grace period a request's body may take to arrive at any pace ({@link SlowBodyValve})
 * @param requestBodyMinRate after the grace period, the slowest average rate a body may arrive at
 * @param maxLedgerMonths    the months a ledger stored or diagnosed over HTTP may span
 * @param replicaName        this replica's name among those sharing their rules (what a refusal of a shared version
 *                           says); by default the host's name and the port
 */
@ConfigurationProperties("advisor")
public record AdvisorProperties(@DefaultValue("rules") Path rules, Path fixtures,
                                String adminToken, @DefaultValue List<String> apiKeys,
                                @DefaultValue("10000") int maxFirings, @DefaultValue("2s") Duration evaluationTimeout,
                                @DefaultValue("300ms") Duration reloadDebounce, @DefaultValue("true") boolean watch,
                                @DefaultValue("5MB") DataSize maxSnapshotSize, @DefaultValue("0") int workerThreads,
                                @DefaultValue("16MB") DataSize maxLedgerSize, @DefaultValue("7d") Duration historyMaxAge,
                                @DefaultValue("100") int historyMaxVersions, @DefaultValue List<Editor> editors,
                                @DefaultValue("false") boolean sharedRules,
                                @DefaultValue("5s") Duration sharedRulesPoll, @DefaultValue List<User> users,
                                String initialAdminPassword, @DefaultValue("15s") Duration requestBodyTimeout,
                                @DefaultValue("1KB") DataSize requestBodyMinRate,
                                @DefaultValue("240") int maxLedgerMonths,
                                @DefaultValue("64MB") DataSize historyMaxBytes, String replicaName) {

    /** The shortest password: the same rule for the initial admin as for {@code hash-password}. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    public AdvisorProperties {
        if (initialAdminPassword != null && !initialAdminPassword.isBlank()
                && initialAdminPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("ADVISOR_INITIAL_ADMIN_PASSWORD has " + initialAdminPassword.length()
                    + " characters: it needs at least " + MIN_PASSWORD_LENGTH);
        }
        if (maxLedgerMonths < 1) {
            throw new IllegalArgumentException("advisor.max-ledger-months must be at least 1 (was " + maxLedgerMonths
                    + ")");
        }
    }

    /** One person who signs in to the workbench. */
    public record User(String name, String role, String passwordHash) {

        public User {
            if (name == null || !name.matches("[A-Za-z0-9._@-]{1,64}") || !Editor.ROLES.contains(role)
                    || passwordHash == null || !passwordHash.startsWith("{")) {
                throw new IllegalArgumentException("advisor.users: each needs a name (letters, digits, . _ @ -), a "
                        + "role (viewer, analyst or admin) and password-hash, as ./health-advisor hash-password "
                        + "prints it, e.g. {bcrypt}$2a$10$... (was " + name + ", " + role + ")");
            }
        }
    }

    public boolean hasInitialAdmin() {
        return initialAdminPassword != null && !initialAdminPassword.isBlank();
    }

    /** One person or system that may change rules: its name (what versions and the audit log record), role and token. */
    public record Editor(String name, String role, String tokenSha256) {

        public static final List<String> ROLES = List.of("viewer", "analyst", "admin");

        public Editor {
            if (name == null || name.isBlank() || !ROLES.contains(role) || tokenSha256 == null
                    || !tokenSha256.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("advisor.editors: each needs a name, a role (viewer, analyst or admin) and "
                        + "token-sha256, the 64 hex digits of the token's SHA-256 (was " + name + ", " + role + ")");
            }
            tokenSha256 = tokenSha256.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether any token may change rules over HTTP. */
    public boolean allowsRuleChanges() {
        return hasAdminToken() || editors.stream().anyMatch(editor -> !editor.role().equals("viewer"));
    }

    /** The fixtures directory: as set, else beside the rules directory, wherever the service was started from. */
    public Path fixturesDirectory() {
        return fixtures != null ? fixtures : rules.toAbsolutePath().normalize().resolveSibling("fixtures");
    }

    public boolean hasAdminToken() {
        return adminToken != null && !adminToken.isBlank();
    }
}
