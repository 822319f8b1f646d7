package com.healthadvisor.company;

import com.healthadvisor.report.ResultJson;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every company at a glance, for the workbench's home: its newest period's health, ARR, stage and market, the MRR of
 * its last periods, and what is new or worse since the period before; filtered, sorted and cut into pages on the
 * server. Built from the stored timeline entries alone (no document, no full result), and kept until the company
 * memory changes: a count and the newest diagnosis time tell, on any replica.
 */
public final class Portfolio {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Portfolio.class);

    /** The periods of MRR a row's sparkline shows. */
    static final int SPARK_PERIODS = 12;
    /** Health from worst to best: the order "by health" sorts in. */
    public static final List<String> HEALTH_ORDER = List.of("critical", "concerning", "moderate", "healthy",
            "insufficient_data");
    /** Severity from mildest to worst; a strength ({@code positive}) or a note ({@code info}) is no problem. */
    private static final List<String> SEVERITY_ORDER = List.of("positive", "info", "low", "medium", "high",
            "critical");
    private static final int FIRST_PROBLEM = SEVERITY_ORDER.indexOf("low");

    /**
     * One company.
     *
     * @param arr   the newest period's ending MRR times 12; null where it sent no MRR
     * @param mrr   the ending MRR of its last periods, oldest first (null where a period had none)
     * @param fresh the codes of problems in the newest period that the period before did not have
     * @param worse the codes of problems whose severity rose since the period before
     */
    public record Row(String company, String period, String health, String healthReason, Double arr, String currency,
                      String stage, String market, List<Double> mrr, List<String> fresh, List<String> worse,
                      String healthBefore, Instant storedAt) {

        /** New or worse findings, or a verdict lower than the period before's. */
        public boolean gotWorse() {
            return !fresh.isEmpty() || !worse.isEmpty()
                    || healthBefore != null && rank(health) < rank(healthBefore);
        }
    }

    /** What the home page asks for: every field may be blank. */
    public record Query(String search, String health, String market, String stage, boolean gotWorse, Sort sort,
                        int page, int pageSize) {
    }

    /**
     * One page of the rows a query matched, how many matched in all, and the markets the stored companies have
     * (the filter's choices), from the same read.
     */
    public record Page(List<Row> rows, int matched, int total, int page, int pages, Set<String> markets) {
    }

    /** How the home page sorts. */
    public enum Sort {
        HEALTH("Health, worst first", Comparator.comparingInt((Row row) -> rank(row.health()))),
        ARR("ARR, largest first", Comparator.comparing(Row::arr, Comparator.nullsLast(Comparator.reverseOrder()))),
        WORSE("Most new or worse findings", Comparator.comparingInt((Row row) -> -(row.fresh().size()
                + row.worse().size())).thenComparing(row -> rank(row.health()))),
        NAME("Name", Comparator.comparing((Row row) -> 0)),
        PERIOD("Newest period first", Comparator.comparing(Row::period, Comparator.reverseOrder()));

        private final String label;
        private final Comparator<Row> order;

        Sort(String label, Comparator<Row> order) {
            this.label = label;
            this.order = order.thenComparing(row -> row.company().toLowerCase(Locale.ROOT))
                    .thenComparing(Row::company);
        }

        public String label() {
            return label;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The sort a parameter names; by health for none or an unknown word. */
        public static Sort of(String word) {
            for (Sort sort : values()) {
                if (sort.word().equals(word)) {
                    return sort;
                }
            }
            return HEALTH;
        }
    }

    private final JdbcClient jdbc;
    private final java.time.Clock clock;
    private final ParsedSummaries summaries = new ParsedSummaries();
    private volatile Built built;

    public Portfolio(DataSource dataSource, java.time.Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /**
     * Writes a company's glance again from its newest periods: called inside each write of the company, in its
     * transaction, so that the glance and the periods never disagree.
     */
    void refresh(String company) {
        List<Period> newest = new ArrayList<>(jdbc.sql(PERIODS + " WHERE s.company = ? AND " + LATEST
                        + " ORDER BY s.end_month DESC, s.stored_at DESC FETCH FIRST " + SPARK_PERIODS + " ROWS ONLY")
                .params(company).query(PERIOD_ROWS).list());
        if (newest.isEmpty()) {
            forget(company);
            return;
        }
        java.util.Collections.reverse(newest);
        String glance = ResultJson.mapper().writeValueAsString(row(newest));
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        // The company's row is locked by the write this runs in: nobody adds its glance meanwhile.
        if (jdbc.sql("UPDATE company_glance SET glance = ?, updated_at = ? WHERE company = ?")
                .params(glance, now, company).update() == 0) {
            jdbc.sql("INSERT INTO company_glance (company, glance, updated_at) VALUES (?, ?, ?)")
                    .params(company, glance, now).update();
        }
    }

    /** Removes a company's glance (the company is deleted, or has no diagnosed period). */
    void forget(String company) {
        jdbc.sql("DELETE FROM company_glance WHERE company = ?").params(company).update();
    }

    private record Built(String fingerprint, List<Row> rows) {
    }

    /** One page of the companies a query matches. */
    public Page page(Query query) {
        List<Row> all = rows();
        List<Row> matched = all.stream().filter(matches(query)).sorted(query.sort().order).toList();
        int size = Math.max(1, query.pageSize());
        int pages = Math.max(1, (matched.size() + size - 1) / size);
        int page = Math.min(Math.max(1, query.page()), pages);
        List<Row> rows = matched.subList(Math.min((page - 1) * size, matched.size()),
                Math.min(page * size, matched.size()));
        return new Page(rows, matched.size(), all.size(), page, pages, all.stream().map(Row::market)
                .filter(Objects::nonNull).collect(Collectors.toCollection(java.util.TreeSet::new)));
    }

    private static Predicate<Row> matches(Query query) {
        String search = blankToNull(query.search());
        return row -> (search == null || row.company().toLowerCase(Locale.ROOT)
                .contains(search.toLowerCase(Locale.ROOT)))
                && same(query.health(), row.health()) && same(query.market(), row.market())
                && same(query.stage(), row.stage()) && (!query.gotWorse() || row.gotWorse());
    }

    private static boolean same(String wanted, String value) {
        return blankToNull(wanted) == null || wanted.equals(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Every company's row, built again only when the company memory changed since. */
    public List<Row> rows() {
        String fingerprint = fingerprint();
        Built current = built;
        if (current == null || !current.fingerprint().equals(fingerprint)) {
            long start = System.nanoTime();
            current = new Built(fingerprint, build());
            built = current;
            LOG.info("portfolio of {} companies built in {} ms", current.rows().size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return current.rows();
    }

    /**
     * Changes with every write of a company (its glance is written again) and every company added or deleted; a
     * replica sees another's writes.
     */
    private String fingerprint() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM company) AS companies, (SELECT COUNT(*) FROM company_glance) "
                        + "AS glances, (SELECT MAX(updated_at) FROM company_glance) AS newest")
                .query((rs, n) -> rs.getLong("companies") + "/" + rs.getLong("glances") + "/"
                        + rs.getTimestamp("newest"))
                .single();
    }

    private static final String PERIODS = "SELECT s.company, s.currency, s.stored_at, d.summary FROM snapshot_revision s "
            + "JOIN diagnosis d ON d.company = s.company AND d.period = s.period AND d.revision = s.revision";
    private static final String LATEST = "s.revision = (SELECT MAX(r.revision) FROM snapshot_revision r "
            + "WHERE r.company = s.company AND r.period = s.period)";
    private static final org.springframework.jdbc.core.RowMapper<Period> PERIOD_ROWS = (rs, n) -> new Period(
            rs.getString("company"), rs.getString("currency"), rs.getTimestamp("stored_at").toInstant(),
            rs.getString("summary"));

    /**
     * Every company's glance; a company stored before glances were kept, and not written since, has its glance
     * worked out from its periods here.
     */
    private List<Row> build() {
        List<Row> rows = new ArrayList<>(jdbc.sql("SELECT glance FROM company_glance")
                .query((rs, n) -> ResultJson.mapper().readValue(rs.getString("glance"), Row.class)).list());
        Map<String, List<Period>> older = new LinkedHashMap<>();
        jdbc.sql(PERIODS + " WHERE " + LATEST + " AND NOT EXISTS (SELECT 1 FROM company_glance g WHERE g.company = "
                        + "s.company) ORDER BY s.company, s.end_month, s.stored_at")
                .query(PERIOD_ROWS).list()
                .forEach(period -> older.computeIfAbsent(period.company(), c -> new ArrayList<>()).add(period));
        older.values().forEach(periods -> rows.add(row(periods.subList(Math.max(0, periods.size() - SPARK_PERIODS),
                periods.size()))));
        return List.copyOf(rows);
    }

    private record Period(String company, String currency, Instant storedAt, String summary) {
    }

    /** A company's row from its newest periods, oldest first. */
    private Row row(List<Period> periods) {
        List<TimelineEntry> entries = periods.stream().map(period -> summaries.read(period.summary())).toList();
        TimelineEntry newest = entries.get(entries.size() - 1);
        TimelineEntry before = entries.size() > 1 ? entries.get(entries.size() - 2) : null;
        Period last = periods.get(periods.size() - 1);
        List<Double> mrr = entries.stream().map(entry -> mrrOf(entry)).toList();
        Double ending = mrr.get(mrr.size() - 1);
        Map<String, String> now = severities(newest);
        Map<String, String> then = before == null ? null : severities(before);
        Set<String> fresh = new java.util.LinkedHashSet<>();
        Set<String> worse = new java.util.LinkedHashSet<>();
        if (then != null) {
            now.forEach((finding, severity) -> {
                if (severity != null && severityRank(severity) < FIRST_PROBLEM) {
                    return;
                }
                if (!then.containsKey(finding)) {
                    fresh.add(codeOf(finding));
                } else if (severityRank(severity) > severityRank(then.get(finding))) {
                    worse.add(codeOf(finding));
                }
            });
        }
        return new Row(last.company(), newest.period(), newest.health(), newest.healthReason(),
                ending == null ? null : ending * 12, last.currency(), newest.stage(), newest.market(), mrr,
                List.copyOf(fresh), List.copyOf(worse), before == null ? null : before.health(), last.storedAt());
    }

    private static Double mrrOf(TimelineEntry entry) {
        return entry.metrics().stream().filter(metric -> metric.code().equals("mrr")).findFirst()
                .map(TimelineEntry.KeyMetric::value).orElse(null);
    }

    /** Each finding ({@code CODE@scope}) with its severity; an entry stored before findings were kept has codes. */
    private static Map<String, String> severities(TimelineEntry entry) {
        Map<String, String> found = new LinkedHashMap<>();
        if (entry.findings() != null) {
            entry.findings().forEach(f -> found.putIfAbsent(f.code() + "@" + f.scope(), f.severity()));
        } else {
            entry.codes().forEach(code -> found.putIfAbsent(code + "@company", null));
        }
        return found;
    }

    private static String codeOf(String finding) {
        return finding.substring(0, finding.indexOf('@'));
    }

    static int rank(String health) {
        int rank = HEALTH_ORDER.indexOf(health);
        return rank < 0 ? HEALTH_ORDER.size() : rank;
    }

    private static int severityRank(String severity) {
        return SEVERITY_ORDER.indexOf(severity);
    }
}
