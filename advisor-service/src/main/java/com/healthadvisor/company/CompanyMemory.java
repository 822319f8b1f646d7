package com.healthadvisor.company;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.InvalidSnapshotException;
import com.healthadvisor.Violation;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.json.Json;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.snapshot.Periods;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;
import com.healthadvisor.snapshot.SnapshotWriter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * A company's stored periods: each snapshot is stored with its diagnosis in one transaction, diagnosed with the
 * company's stored earlier periods as history, and the later periods it is history for are diagnosed again in the
 * same transaction. The writes of one company follow each other (its row in {@code company} is locked), from this
 * service or from another process on the same database.
 */
public final class CompanyMemory {

    /** Company names as they appear in paths: a letter or digit, then letters, digits, dots, dashes, underscores. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CompanyMemory.class);
    /** The path of the re-diagnosis jobs, beside the companies' own. */
    private static final String RESERVED = "rediagnose";
    private static final int ATTEMPTS = 5;

    private final CompanyStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SnapshotReader reader;
    /** Reads the documents this class assembles: a stored document plus its history may exceed the upload limit. */
    private final SnapshotReader assembledReader = new SnapshotReader(Long.MAX_VALUE);
    private final Advisor advisor;
    private final Supplier<RuleSet> rules;
    private final Clock clock;
    private final Portfolio portfolio;
    private final List<java.util.function.Consumer<String>> afterEachWrite =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public CompanyMemory(DataSource dataSource, PlatformTransactionManager transactionManager, SnapshotReader reader,
                         Advisor advisor, Supplier<RuleSet> rules, Clock clock) {
        this.store = new CompanyStore(dataSource);
        this.portfolio = new Portfolio(dataSource, clock);
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.reader = reader;
        this.advisor = advisor;
        this.rules = rules;
        this.clock = clock;
    }

    public CompanyStore store() {
        return store;
    }

    /**
     * Called inside each write of a company, in its transaction, after its periods are diagnosed: what it does is
     * kept if and only if the write is (the notifications' outbox).
     */
    public void afterEachWrite(java.util.function.Consumer<String> listener) {
        afterEachWrite.add(listener);
    }

    /** Every company at a glance, kept with each write. */
    public Portfolio portfolio() {
        return portfolio;
    }

    /**
     * One stored revision and its diagnosis.
     *
     * @param created false when the document was the period's newest revision already, which is kept as it was
     */
    public record Stored(StoredSnapshot snapshot, boolean created, DiagnosisResult result) {
    }

    /** Stores a period's snapshot as its new revision (unless it is the newest already) and diagnoses it. */
    public Stored put(String company, String period, byte[] sent, String actor) {
        checkName(company);
        // Stored as text and read again with later periods: UTF-8 only, without a byte-order mark.
        String text = com.healthadvisor.snapshot.NotUtf8Exception.utf8Text(sent);
        byte[] document = text.getBytes(StandardCharsets.UTF_8);
        Snapshot snapshot = reader.read(document);
        if (!snapshot.period().equals(period)) {
            throw new InvalidSnapshotException(List.of(new Violation("/period", "the document is for "
                    + snapshot.period() + ", but it is sent as " + period)));
        }
        RuleSet ruleSet = rules.get();
        int endMonth = Periods.endMonth(period);
        return writing(company, () -> {
            Neighbourhood around = Neighbourhood.read(store, company, snapshot.periodicity().word(), endMonth);
            Placed placed = place(company, snapshot, text, actor, around.newest(period));
            // The snapshot is the document as the reader read it: it need not be read again.
            Stored stored = new Stored(placed.snapshot(), placed.created(), placed.kept() != null ? placed.kept()
                    : save(judged(placed.snapshot(), snapshot, around.before(placed.snapshot()), ruleSet),
                    placed.created()).result());
            if (stored.created() && around.followedAfter(endMonth)) {
                diagnoseLater(stored.snapshot(), ruleSet);
            }
            return stored;
        });
    }

    /**
     * Stores every month of a ledger at once: all of them with their diagnoses, or none. The months are written out
     * and fingerprinted on every core before the company is locked; in its transaction they are placed with one read
     * of the company's newest revisions and one batch of inserts, their histories read in one query per form.
     *
     * @param months one snapshot per month, each period once, oldest first, without history
     */
    public List<Stored> putAll(String company, List<Snapshot> months, String actor) {
        checkName(company);
        UploadedMonth.requireDistinctPeriods(months);
        RuleSet ruleSet = rules.get();
        List<UploadedMonth> uploaded = months.parallelStream().map(UploadedMonth::of).toList();
        return writing(company, () -> {
            LOG.info("storing {} months of {} in one transaction", months.size(), company);
            List<Placed> placed = placeAll(company, uploaded, actor);
            List<Stored> stored = diagnoseAll(placed, uploaded, ruleSet);
            if (placed.stream().anyMatch(Placed::created) && !stored.isEmpty()) {
                diagnoseLater(stored.get(stored.size() - 1).snapshot(), ruleSet);
            }
            return stored;
        });
    }

    /** The months placed as {@link #place} would one by one, with one read and one batch of inserts. */
    private List<Placed> placeAll(String company, List<UploadedMonth> months, String actor) {
        Map<String, CompanyStore.Newest> newest = store.newestRevisions(company);
        List<Placed> placed = new ArrayList<>(months.size());
        boolean changed = false;
        for (UploadedMonth month : months) {
            CompanyStore.Newest known = newest.get(month.snapshot().period());
            if (known != null && known.sha256().equals(month.sha256())) {
                // Once a month has changed, the unchanged months after it have a new history.
                placed.add(unchanged(store.latest(company, month.snapshot().period()).orElseThrow(), changed));
            } else {
                placed.add(new Placed(month.revision(company, known == null ? 1 : known.revision() + 1,
                        clock.instant(), actor), true, null));
                changed = true;
            }
        }
        store.insertAll(placed.stream().filter(Placed::created).map(Placed::snapshot).toList());
        return placed;
    }

    /**
     * The placed months' diagnoses: their stored histories are read in this transaction, then the months are judged
     * and their results written on every core (judging reads no database), then saved: the new revisions' in one
     * batch, those judged again in another.
     */
    private List<Stored> diagnoseAll(List<Placed> placed, List<UploadedMonth> months, RuleSet ruleSet) {
        List<StoredSnapshot> toJudge = placed.stream().filter(month -> month.kept() == null)
                .map(Placed::snapshot).toList();
        StoredHistories histories = StoredHistories.read(store, toJudge);
        Instant now = clock.instant();
        List<Diagnosed> judged = IntStream.range(0, placed.size()).parallel()
                .mapToObj(i -> placed.get(i).kept() != null ? null : judged(placed.get(i).snapshot(),
                        months.get(i).snapshot(), histories.before(placed.get(i).snapshot()), ruleSet))
                .toList();
        List<StoredDiagnosis> diagnoses = IntStream.range(0, placed.size()).parallel()
                .mapToObj(i -> judged.get(i) == null ? null : stored(judged.get(i), now)).toList();
        List<StoredDiagnosis> first = new ArrayList<>();
        List<StoredDiagnosis> again = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            if (diagnoses.get(i) != null) {
                (placed.get(i).created() ? first : again).add(diagnoses.get(i));
            }
        }
        store.insertDiagnoses(first);
        store.saveDiagnoses(again);
        List<Stored> stored = new ArrayList<>(placed.size());
        for (int i = 0; i < placed.size(); i++) {
            Placed month = placed.get(i);
            DiagnosisResult result = month.kept() != null ? month.kept() : judged.get(i).result();
            stored.add(new Stored(month.snapshot(), month.created(), result));
        }
        return stored;
    }

    /** The stored diagnosis of a period's newest revision. */
    public Optional<StoredDiagnosis> diagnosis(String company, String period) {
        return store.latest(company, period).flatMap(s -> store.diagnosis(company, period, s.revision()));
    }

    /** A period diagnosed again under today's rules, with today's stored history; nothing is stored. */
    public Optional<Diagnosed> diagnoseNow(String company, String period) {
        return store.latest(company, period).map(s -> diagnose(s, rules.get()));
    }

    /** The stored diagnosis of a period with the snapshot it was made from, for a report. */
    public Optional<Diagnosed> stored(String company, String period) {
        return store.latest(company, period).flatMap(s -> store.diagnosis(company, period, s.revision())
                .map(d -> new Diagnosed(s, assemble(s).snapshot(), ResultJson.read(d.result()))));
    }

    /** A stored revision as it was diagnosed: the snapshot with its history, and the result. */
    public record Diagnosed(StoredSnapshot stored, Snapshot snapshot, DiagnosisResult result) {
    }

    public List<TimelineEntry> timeline(String company) {
        return store.timeline(company).stream()
                .map(summary -> ResultJson.mapper().readValue(summary, TimelineEntry.class)).toList();
    }

    /** What changed from one stored period to another; empty when either was never stored. */
    public Optional<Changes> changes(String company, String from, String to) {
        Optional<StoredDiagnosis> before = diagnosis(company, from);
        Optional<StoredDiagnosis> after = diagnosis(company, to);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Changes.between(company, ResultJson.read(before.get().result()),
                ResultJson.read(after.get().result())));
    }

    /** What changed since the period stored before this one (of its form), if there is one. */
    public Optional<Changes> sinceLast(String company, StoredSnapshot period) {
        List<CompanyStore.PeriodFigures> earlier = store.before(company, period.periodicity(), period.currency(),
                period.endMonth());
        return earlier.isEmpty() ? Optional.empty()
                : changes(company, earlier.get(earlier.size() - 1).period(), period.period());
    }

    /** Removes a company and everything it stored; the number of revisions removed. */
    public int delete(String company) {
        checkName(company);
        return transactions.execute(status -> {
            int removed = store.delete(company);
            portfolio.forget(company);
            jdbc.sql("DELETE FROM company WHERE name = ?").params(company).update();
            return removed;
        });
    }

    /**
     * Diagnoses every period of a company again under today's rules, oldest first, in one transaction.
     *
     * @return the number of periods diagnosed
     */
    public int rediagnose(String company, RuleSet ruleSet) {
        return writing(company, () -> {
            List<StoredSnapshot> periods = store.periods(company);
            periods.forEach(p -> save(diagnose(p, ruleSet)));
            return periods.size();
        });
    }

    /**
     * A period stored as its new revision, or found unchanged (the newest revision has the same bytes).
     *
     * @param kept the stored diagnosis of an unchanged period whose history did not change either; null when the
     *             period must be diagnosed
     */
    private record Placed(StoredSnapshot snapshot, boolean created, DiagnosisResult kept) {
    }

    /**
     * A period sent on its own, placed as its new revision unless its newest has the same fingerprint.
     *
     * @param newest the period's newest stored revision, as read in this transaction
     */
    private Placed place(String company, Snapshot snapshot, String document, String actor,
                         Optional<CompanyStore.Newest> newest) {
        String sha = sha256(document);
        if (newest.isPresent() && newest.get().sha256().equals(sha)) {
            return unchanged(store.latest(company, snapshot.period()).orElseThrow(), false);
        }
        StoredSnapshot stored = new UploadedMonth(snapshot, document, sha).revision(company,
                newest.map(s -> s.revision() + 1).orElse(1), clock.instant(), actor);
        store.insert(stored);
        return new Placed(stored, true, null);
    }

    /** A period whose newest revision has the bytes sent: its stored diagnosis is kept unless its history changed. */
    private Placed unchanged(StoredSnapshot same, boolean historyChanged) {
        Optional<StoredDiagnosis> kept = historyChanged ? Optional.empty()
                : store.diagnosis(same.company(), same.period(), same.revision());
        return new Placed(same, false, kept.map(k -> ResultJson.read(k.result())).orElse(null));
    }

    /** The stored periods after one that changed have a new history: each is diagnosed again, oldest first. */
    private void diagnoseLater(StoredSnapshot changed, RuleSet ruleSet) {
        store.after(changed.company(), changed.periodicity(), changed.endMonth())
                .forEach(later -> save(diagnose(later, ruleSet)));
    }

    /** A stored period diagnosed with its stored history under a given rule set; nothing is stored. */
    DiagnosisResult judge(StoredSnapshot stored, RuleSet ruleSet) {
        return diagnose(stored, ruleSet).result();
    }

    private Diagnosed diagnose(StoredSnapshot stored, RuleSet ruleSet) {
        return diagnose(stored, null, ruleSet);
    }

    /** @param sent the stored document as already read, or null to read it */
    private Diagnosed diagnose(StoredSnapshot stored, Snapshot sent, RuleSet ruleSet) {
        return judged(stored, sent, earlier(stored), ruleSet);
    }

    /**
     * A stored period diagnosed with its stored history, given: no database is read, so any thread may judge. A
     * document that sends no history of its own (most do: a ledger's months, a month's upload) gets the stored
     * periods' figures as its history directly; one that sends some is merged with them as a document
     * (HistoryAssembly), which also measures where the two disagree.
     *
     * @param sent the stored document as already read, or null to read it
     */
    private Diagnosed judged(StoredSnapshot stored, Snapshot sent, List<CompanyStore.PeriodFigures> earlier,
                             RuleSet ruleSet) {
        Snapshot document = sent != null ? sent
                : assembledReader.read(stored.document().getBytes(StandardCharsets.UTF_8));
        if (!document.history().isEmpty()) {
            Assembly assembly = assemble(stored, earlier);
            return new Diagnosed(stored, assembly.snapshot(),
                    advisor.diagnose(assembly.snapshot(), ruleSet, assembly.assembled().outside()));
        }
        Snapshot snapshot = earlier.isEmpty() ? document : document.withHistory(assembledReader.history(
                earlier.stream().map(CompanyStore.PeriodFigures::figures).toList(), stored.period()));
        return new Diagnosed(stored, snapshot, advisor.diagnose(snapshot, ruleSet, List.of()));
    }

    private record Assembly(Snapshot snapshot, HistoryAssembly.Assembled assembled) {
    }

    private Assembly assemble(StoredSnapshot stored) {
        return assemble(stored, earlier(stored));
    }

    private Assembly assemble(StoredSnapshot stored, List<CompanyStore.PeriodFigures> earlier) {
        HistoryAssembly.Assembled assembled = HistoryAssembly.assemble(stored.document(), earlier);
        return new Assembly(assembledReader.read(assembled.document()), assembled);
    }

    private List<CompanyStore.PeriodFigures> earlier(StoredSnapshot stored) {
        return store.before(stored.company(), stored.periodicity(), stored.currency(), stored.endMonth());
    }

    private Diagnosed save(Diagnosed diagnosed) {
        return save(diagnosed, false);
    }

    /** @param first whether the revision was stored in this transaction, so that it has no diagnosis to replace */
    private Diagnosed save(Diagnosed diagnosed, boolean first) {
        StoredDiagnosis stored = stored(diagnosed, clock.instant());
        if (first) {
            store.insertDiagnoses(List.of(stored));
        } else {
            store.saveDiagnosis(stored);
        }
        return diagnosed;
    }

    private static StoredDiagnosis stored(Diagnosed diagnosed, Instant now) {
        DiagnosisResult result = diagnosed.result();
        StoredSnapshot stored = diagnosed.stored();
        return new StoredDiagnosis(stored.company(), stored.period(), stored.revision(), result.ruleSet().version(),
                result.health(),
                ResultJson.mapper().writeValueAsString(TimelineEntry.of(result,
                        diagnosed.snapshot().profile() == null ? null : diagnosed.snapshot().profile().market(),
                        stored.revision(), now)),
                ResultJson.writeCompactText(result), now);
    }

    /**
     * Runs one company's write in one transaction that holds the company's row lock; a key clash (two first writers
     * adding the row, or a revision number taken meanwhile) is tried again.
     */
    private <T> T writing(String company, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    lockCompanyRow(company);
                    T done = work.get();
                    portfolio.refresh(company);
                    afterEachWrite.forEach(listener -> listener.accept(company));
                    return done;
                });
            } catch (DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Holds the company's row for the transaction, adding it first when this is the company's first write (one
     * statement for a company that exists, which most writes are). A company's first writes may race to add its
     * row: the loser's key clash is tried again.
     */
    private void lockCompanyRow(String company) {
        if (jdbc.sql("SELECT name FROM company WHERE name = ? FOR UPDATE").params(company).query(String.class)
                .optional().isPresent()) {
            return;
        }
        jdbc.sql("INSERT INTO company (name) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM company WHERE name = ?)")
                .params(company, company).update();
        jdbc.sql("SELECT name FROM company WHERE name = ? FOR UPDATE").params(company).query(String.class).single();
    }

    public static void checkName(String company) {
        if (company == null || !NAME.matcher(company).matches() || company.equals(RESERVED)) {
            throw new InvalidCompanyNameException("a company name is a letter or digit, then up to 99 letters, digits, "
                    + "dots, dashes or underscores, and not \"" + RESERVED + "\" (was \""
                    + com.healthadvisor.snapshot.Echo.message(String.valueOf(company)) + "\")");
        }
    }

    /** The SHA-256 of a document with its keys sorted, so that key order and spacing make no new revision. */
    static String sha256(String document) {
        try {
            byte[] canonical = Json.SORTED.writeValueAsBytes(Json.SORTED.readValue(document, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
