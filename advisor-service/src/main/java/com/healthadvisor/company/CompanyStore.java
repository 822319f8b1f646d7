package com.healthadvisor.company;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rows of company memory, through Spring's {@link JdbcClient}. Transactions are the caller's: every method
 * joins the one in progress. The SQL is the common ground of H2 and PostgreSQL.
 */
public final class CompanyStore {

    /** The newest revision of each period: what a period "is" until it is stored again. */
    private static final String LATEST = "s.revision = (SELECT MAX(r.revision) FROM snapshot_revision r "
            + "WHERE r.company = s.company AND r.period = s.period)";
    private static final String SNAPSHOT_COLUMNS = "s.company, s.period, s.revision, s.end_month, s.periodicity, "
            + "s.currency, s.sha256, s.document, s.figures, s.stored_at, s.stored_by";
    private static final String DIAGNOSIS_COLUMNS = "d.company, d.period, d.revision, d.rule_set_version, d.health, "
            + "d.summary, d.result, d.diagnosed_at";

    private final JdbcClient jdbc;
    /** For batches: JdbcClient has no batch update, JdbcTemplate sends a batch in one round trip. */
    private final JdbcTemplate batches;

    public CompanyStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new JdbcTemplate(dataSource);
    }

    /** The newest revision of a period, if it was ever stored. */
    public Optional<StoredSnapshot> latest(String company, String period) {
        return jdbc.sql("SELECT " + SNAPSHOT_COLUMNS + " FROM snapshot_revision s "
                        + "WHERE s.company = ? AND s.period = ? ORDER BY s.revision DESC FETCH FIRST 1 ROWS ONLY")
                .params(company, period).query(SNAPSHOTS).optional();
    }

    /** A period's newest revision number and fingerprint, without its document. */
    public record Newest(int revision, String sha256) {
    }

    /** The newest revision of each of a company's periods, by period: one query, no document read. */
    public Map<String, Newest> newestRevisions(String company) {
        Map<String, Newest> newest = new HashMap<>();
        jdbc.sql("SELECT s.period, s.revision, s.sha256 FROM snapshot_revision s WHERE s.company = ? AND " + LATEST)
                .params(company)
                .query(rs -> {
                    newest.put(rs.getString("period"), new Newest(rs.getInt("revision"), rs.getString("sha256")));
                });
        return newest;
    }

    public void insert(StoredSnapshot snapshot) {
        insertAll(List.of(snapshot));
    }

    /** Stores revisions in one batch, whatever their number. */
    public void insertAll(List<StoredSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        batches.batchUpdate("INSERT INTO snapshot_revision (company, period, revision, end_month, periodicity, "
                        + "currency, sha256, document, figures, stored_at, stored_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                snapshots.stream().map(snapshot -> new Object[]{snapshot.company(), snapshot.period(),
                        snapshot.revision(), snapshot.endMonth(), snapshot.periodicity(), snapshot.currency(),
                        snapshot.sha256(), snapshot.document(), snapshot.figures(), utc(snapshot.storedAt()),
                        snapshot.storedBy()}).toList());
    }

    /** A period's own figures as a history entry: all that the diagnoses of later periods read of it. */
    public record PeriodFigures(String period, int endMonth, String figures) {
    }

    /**
     * The months of stored history a period is judged with: the longest window the judgment reads (a year against
     * the year before). More would not change a diagnosis, and would make storing a long ledger cost the square of
     * its months.
     */
    public static final int HISTORY_MONTHS = 24;

    /** Whether a period ending in {@code month} is in the history of one ending in {@code periodEnd}. */
    static boolean inHistory(int month, int periodEnd) {
        return month < periodEnd && month >= periodEnd - HISTORY_MONTHS;
    }

    /**
     * The figures of the newest revision of each period of one form and currency among the {@link #HISTORY_MONTHS}
     * before {@code endMonth}, oldest first (not the documents: a history needs only the figures).
     */
    public List<PeriodFigures> before(String company, String periodicity, String currency, int endMonth) {
        return between(company, periodicity, currency, endMonth - HISTORY_MONTHS, endMonth);
    }

    /**
     * The figures of the newest revision of each period of one form and currency ending in {@code fromMonth} or
     * later and before {@code toMonth}, oldest first: the histories of many periods in one read.
     */
    public List<PeriodFigures> between(String company, String periodicity, String currency, int fromMonth,
                                       int toMonth) {
        return jdbc.sql("SELECT s.period, s.end_month, s.figures FROM snapshot_revision s WHERE s.company = ? "
                        + "AND s.periodicity = ? AND s.currency = ? AND s.end_month < ? AND s.end_month >= ? AND "
                        + LATEST + " ORDER BY s.end_month")
                .params(company, periodicity, currency, toMonth, fromMonth)
                .query((rs, row) -> new PeriodFigures(rs.getString("period"), rs.getInt("end_month"),
                        rs.getString("figures")))
                .list();
    }

    /** A stored period's newest revision as a neighbour of another period: no document, its figures. */
    public record Neighbour(String period, int revision, int endMonth, String currency, String sha256,
                            String figures) {
    }

    /**
     * The newest revision of each period of one form ending in the {@link #HISTORY_MONTHS} before {@code endMonth}
     * or later, oldest first: in one read, a period's own newest revision, its history and whether periods follow it.
     */
    public List<Neighbour> around(String company, String periodicity, int endMonth) {
        return jdbc.sql("SELECT s.period, s.revision, s.end_month, s.currency, s.sha256, s.figures "
                        + "FROM snapshot_revision s WHERE s.company = ? AND s.periodicity = ? AND s.end_month >= ? AND "
                        + LATEST + " ORDER BY s.end_month")
                .params(company, periodicity, endMonth - HISTORY_MONTHS)
                .query((rs, row) -> new Neighbour(rs.getString("period"), rs.getInt("revision"),
                        rs.getInt("end_month"), rs.getString("currency"), rs.getString("sha256"),
                        rs.getString("figures")))
                .list();
    }

    /** The newest revision of each period of one form, ending after {@code endMonth}, oldest first. */
    public List<StoredSnapshot> after(String company, String periodicity, int endMonth) {
        return jdbc.sql("SELECT " + SNAPSHOT_COLUMNS + " FROM snapshot_revision s WHERE s.company = ? "
                        + "AND s.periodicity = ? AND s.end_month > ? AND " + LATEST + " ORDER BY s.end_month")
                .params(company, periodicity, endMonth).query(SNAPSHOTS).list();
    }

    /** The newest revision of every period of a company, oldest period first. */
    public List<StoredSnapshot> periods(String company) {
        return jdbc.sql("SELECT " + SNAPSHOT_COLUMNS + " FROM snapshot_revision s WHERE s.company = ? AND " + LATEST
                        + " ORDER BY s.end_month, s.period")
                .params(company).query(SNAPSHOTS).list();
    }

    /** A company's newest period (the one ending last; among equals the latest stored) and that period's verdict. */
    public record CompanyHead(String company, String latestPeriod, int revision, Instant storedAt, String health,
                              String ruleSetVersion) {
    }

    /** Every company's newest period, by company name, without reading any document or result. */
    public List<CompanyHead> heads() {
        return jdbc.sql("SELECT s.company, s.period, s.revision, s.stored_at, d.health, d.rule_set_version "
                        + "FROM snapshot_revision s LEFT JOIN diagnosis d ON d.company = s.company "
                        + "AND d.period = s.period AND d.revision = s.revision WHERE " + LATEST
                        + " AND NOT EXISTS (SELECT 1 FROM snapshot_revision o WHERE o.company = s.company "
                        + "AND (o.end_month > s.end_month OR (o.end_month = s.end_month AND o.stored_at > s.stored_at)))"
                        + " ORDER BY s.company")
                .query((rs, row) -> new CompanyHead(rs.getString("company"), rs.getString("period"),
                        rs.getInt("revision"), instant(rs, "stored_at"), rs.getString("health"),
                        rs.getString("rule_set_version")))
                .list();
    }

    /** Whether a company stored anything. */
    public boolean exists(String company) {
        return jdbc.sql("SELECT COUNT(*) FROM snapshot_revision WHERE company = ?").params(company)
                .query(Integer.class).single() > 0;
    }

    /** The companies with at least one snapshot, by name. */
    public List<String> companies() {
        return jdbc.sql("SELECT DISTINCT company FROM snapshot_revision ORDER BY company").query(String.class).list();
    }

    /** How many periods all companies stored (each counted once, whatever its revisions). */
    public int periodCount() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT DISTINCT company, period FROM snapshot_revision) p")
                .query(Integer.class).single();
    }

    /** Stores the diagnosis of a revision, replacing the one it had. */
    public void saveDiagnosis(StoredDiagnosis diagnosis) {
        saveDiagnoses(List.of(diagnosis));
    }

    /** Stores the diagnoses of revisions, replacing those they had: two batches, whatever their number. */
    public void saveDiagnoses(List<StoredDiagnosis> diagnoses) {
        if (diagnoses.isEmpty()) {
            return;
        }
        batches.batchUpdate("DELETE FROM diagnosis WHERE company = ? AND period = ? AND revision = ?",
                diagnoses.stream().map(d -> new Object[]{d.company(), d.period(), d.revision()}).toList());
        insertDiagnoses(diagnoses);
    }

    /**
     * Stores the first diagnoses of revisions stored in this transaction, which have none to replace: one batch,
     * one statement fewer than {@link #saveDiagnoses} for each write of a new revision.
     */
    public void insertDiagnoses(List<StoredDiagnosis> diagnoses) {
        if (diagnoses.isEmpty()) {
            return;
        }
        batches.batchUpdate("INSERT INTO diagnosis (company, period, revision, rule_set_version, health, summary, "
                        + "result, diagnosed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                diagnoses.stream().map(d -> new Object[]{d.company(), d.period(), d.revision(), d.ruleSetVersion(),
                        d.health(), d.summary(), d.result(), utc(d.diagnosedAt())}).toList());
    }

    public Optional<StoredDiagnosis> diagnosis(String company, String period, int revision) {
        return jdbc.sql("SELECT " + DIAGNOSIS_COLUMNS + " FROM diagnosis d WHERE d.company = ? AND d.period = ? "
                        + "AND d.revision = ?")
                .params(company, period, revision).query(DIAGNOSES).optional();
    }

    /**
     * The summaries of the diagnoses of the newest revision of each period, oldest period first: a company's
     * timeline (not the whole results, which are many times larger).
     */
    public List<String> timeline(String company) {
        return jdbc.sql("SELECT d.summary FROM diagnosis d JOIN snapshot_revision s "
                        + "ON s.company = d.company AND s.period = d.period AND s.revision = d.revision "
                        + "WHERE s.company = ? AND " + LATEST + " ORDER BY s.end_month, s.period")
                .params(company).query(String.class).list();
    }

    /** Every revision of a company, oldest period and revision first, each with its diagnosis when it has one. */
    public void export(String company, Consumer<Revision> each) {
        // A stream holds its result set and connection open until it is closed.
        try (var revisions = jdbc.sql("SELECT " + SNAPSHOT_COLUMNS + ", " + DIAGNOSIS_COLUMNS + " FROM snapshot_revision s "
                        + "LEFT JOIN diagnosis d ON d.company = s.company AND d.period = s.period "
                        + "AND d.revision = s.revision WHERE s.company = ? ORDER BY s.end_month, s.period, s.revision")
                .params(company)
                .query((rs, row) -> new Revision(SNAPSHOTS.mapRow(rs, row),
                        rs.getString("rule_set_version") == null ? null : DIAGNOSES.mapRow(rs, row)))
                .stream()) {
            revisions.forEach(each);
        }
    }

    /** A stored revision and its diagnosis (null when it has none). */
    public record Revision(StoredSnapshot snapshot, StoredDiagnosis diagnosis) {
    }

    /** Removes every revision of a company and their diagnoses; the number of revisions removed. */
    public int delete(String company) {
        jdbc.sql("DELETE FROM diagnosis WHERE company = ?").params(company).update();
        return jdbc.sql("DELETE FROM snapshot_revision WHERE company = ?").params(company).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static final RowMapper<StoredSnapshot> SNAPSHOTS = (rs, row) -> new StoredSnapshot(
            rs.getString("company"), rs.getString("period"), rs.getInt("revision"), rs.getInt("end_month"),
            rs.getString("periodicity"), rs.getString("currency"), rs.getString("sha256"), rs.getString("document"),
            rs.getString("figures"), instant(rs, "stored_at"), rs.getString("stored_by"));

    private static final RowMapper<StoredDiagnosis> DIAGNOSES = (rs, row) -> new StoredDiagnosis(
            rs.getString("company"), rs.getString("period"), rs.getInt("revision"), rs.getString("rule_set_version"),
            rs.getString("health"), rs.getString("summary"), rs.getString("result"), instant(rs, "diagnosed_at"));
}
