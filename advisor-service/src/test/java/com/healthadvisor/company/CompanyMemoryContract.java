package com.healthadvisor.company;

import com.healthadvisor.AdvisorHarness;
import com.healthadvisor.Diagnosis;
import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.InvalidSnapshotException;
import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;
import com.healthadvisor.snapshot.SnapshotWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the company memory must do on any database it supports: each subclass runs it on one (the embedded H2 file,
 * a real PostgreSQL server).
 */
abstract class CompanyMemoryContract {

    static final RuleSet RULES = AdvisorHarness.fromRules(Path.of("rules")).ruleSet();
    /** Churn steady at 2% a month for nine months, then accelerating: CHURN_ACCELERATING on the twelfth. */
    static final double[] ACCELERATING = {0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.04, 0.045, 0.05};
    private static final AtomicInteger COMPANIES = new AtomicInteger();

    /** A database URL; the same one for every test of the class (each test uses companies of its own). */
    abstract String url();

    Database database;
    CompanyMemory memory;
    String company;

    @BeforeEach
    void open() {
        database = Database.open(url());
        memory = memory(Clock.systemUTC());
        company = "acme-" + COMPANIES.incrementAndGet() + "-" + System.nanoTime();
    }

    @AfterEach
    void close() {
        database.close();
    }

    CompanyMemory memory(Clock clock) {
        return new CompanyMemory(database.dataSource(), database.transactionManager(), new SnapshotReader(),
                new Advisor(), () -> RULES, clock);
    }

    CompanyMemory.Stored put(String period, String document) {
        return memory.put(company, period, document.getBytes(StandardCharsets.UTF_8), "tester");
    }

    /**
     * The home page's view of every company: the newest period's health, ARR, stage and market, the MRR of the last
     * periods, and the problems new or worse since the period before; filtered, sorted and paged; built again when
     * a period is stored.
     */
    @Test
    void thePortfolioShowsEachCompanysNewestPeriodAndWhatGotWorse() {
        String worse = company + "-worse";
        String steady = company + "-steady";
        String single = company + "-single";
        // Up to the eleventh month, when churn starts to accelerate.
        storeMonths(worse, "smb", MonthlyDocuments.withChurn(java.util.Arrays.copyOf(ACCELERATING, 11)));
        storeMonths(steady, "enterprise", MonthlyDocuments.withChurn(0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02,
                0.02, 0.02, 0.02, 0.02, 0.02));
        storeMonths(single, null, MonthlyDocuments.withChurn(0.02));
        Portfolio portfolio = memory.portfolio();

        Portfolio.Page all = portfolio.page(query(company, null, false, Portfolio.Sort.NAME, 1));
        assertThat(all.rows()).extracting(Portfolio.Row::company).containsExactly(single, steady, worse);
        Portfolio.Row gotWorse = all.rows().get(2);
        assertThat(gotWorse.period()).isEqualTo("2024-11");
        assertThat(gotWorse.fresh()).containsExactly("RETENTION_FIRST", "CHURN_ACCELERATING", "LEAKY_BUCKET");
        assertThat(gotWorse.health()).isEqualTo("concerning");
        assertThat(gotWorse.healthBefore()).isEqualTo("moderate");
        assertThat(gotWorse.gotWorse()).isTrue();
        assertThat(gotWorse.mrr()).hasSize(11).doesNotContainNull();
        assertThat(gotWorse.arr()).isEqualTo(gotWorse.mrr().get(10) * 12);
        assertThat(gotWorse.market()).isEqualTo("smb");
        assertThat(gotWorse.stage()).isEqualTo("early");
        assertThat(all.rows().get(1).fresh()).doesNotContain("CHURN_ACCELERATING");
        Portfolio.Row first = all.rows().get(0);
        assertThat(first.healthBefore()).isNull();
        assertThat(first.gotWorse()).isFalse();
        assertThat(first.mrr()).hasSize(1);

        assertThat(portfolio.page(query(company, "smb", false, Portfolio.Sort.NAME, 1)).rows())
                .extracting(Portfolio.Row::company).containsExactly(worse);
        assertThat(portfolio.page(query(company.toUpperCase(java.util.Locale.ROOT) + "-W", null, false,
                Portfolio.Sort.NAME, 1)).rows()).extracting(Portfolio.Row::company).containsExactly(worse);
        assertThat(portfolio.page(query(company, null, true, Portfolio.Sort.NAME, 1)).rows())
                .extracting(Portfolio.Row::company).contains(worse).doesNotContain(single);
        assertThat(portfolio.page(query(company, null, false, Portfolio.Sort.ARR, 1)).rows())
                .extracting(Portfolio.Row::arr).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        Portfolio.Page second = portfolio.page(new Portfolio.Query(company, null, null, null, false,
                Portfolio.Sort.NAME, 2, 2));
        assertThat(second.pages()).isEqualTo(2);
        assertThat(second.matched()).isEqualTo(3);
        assertThat(second.rows()).extracting(Portfolio.Row::company).containsExactly(worse);
        assertThat(portfolio.page(new Portfolio.Query(company, null, null, null, false, Portfolio.Sort.NAME, 99, 2))
                .page()).isEqualTo(2);

        // A company stored before glances were kept is worked out from its periods, alike.
        JdbcClient.create(database.dataSource()).sql("DELETE FROM company_glance WHERE company = ?").params(worse)
                .update();
        assertThat(memory.portfolio().page(query(worse, null, false, Portfolio.Sort.NAME, 1)).rows())
                .containsExactly(gotWorse);

        // A period stored since is shown at once.
        memory.put(single, "2024-02", MonthlyDocuments.withChurn(0.02, 0.02).get(1).getBytes(StandardCharsets.UTF_8),
                "tester");
        Portfolio.Row grown = portfolio.page(query(single, null, false, Portfolio.Sort.NAME, 1)).rows().get(0);
        assertThat(grown.period()).isEqualTo("2024-02");
        assertThat(grown.mrr()).hasSize(2);
        memory.delete(single);
        assertThat(portfolio.page(query(single, null, false, Portfolio.Sort.NAME, 1)).rows()).isEmpty();
    }

    private void storeMonths(String name, String market, List<String> documents) {
        for (String document : documents) {
            String withProfile = market == null ? document
                    : "{\"profile\":{\"market\":\"" + market + "\"}," + document.substring(1);
            String period = withProfile.replaceAll(".*\"period\":\"([0-9-]+)\".*", "$1");
            memory.put(name, period, withProfile.getBytes(StandardCharsets.UTF_8), "tester");
        }
    }

    private static Portfolio.Query query(String search, String market, boolean gotWorse, Portfolio.Sort sort,
                                         int page) {
        return new Portfolio.Query(search, null, market, null, gotWorse, sort, page, 50);
    }

    /**
     * A document without a history of its own is given the stored periods' figures directly, not written out as a
     * document with them and read again: the diagnosis is the same bytes as that document's, for a ledger stored at
     * once and for the same months stored one by one.
     */
    @Test
    void aStoredPeriodIsJudgedAsTheDocumentWithItsStoredHistoryWouldBe() {
        StringBuilder ledger = new StringBuilder("customer_id,month,mrr,product\n");
        for (int customer = 0; customer < 40; customer++) {
            for (int month = customer % 5; month < 15 - customer % 3; month++) {
                ledger.append("c").append(customer).append(',').append(MonthlyDocuments.period(month % 12)
                        .replace("2024", month < 12 ? "2024" : "2025")).append(',')
                        .append(100 + customer * 7 + month * (customer % 4 - 1)).append(',')
                        .append(customer % 2 == 0 ? "Core" : "Pro").append('\n');
            }
        }
        List<Snapshot> months = LedgerSnapshots.readAll(new StringReader(ledger.toString()), null, null, false);
        memory.putAll(company, months, "tester");
        String oneByOne = company + "-one-by-one";
        for (var month : months) {
            byte[] document = SnapshotWriter.write(month).getBytes(StandardCharsets.UTF_8);
            memory.put(oneByOne, month.period(), document, "tester");
        }

        for (String name : List.of(company, oneByOne)) {
            everyPeriodIsJudgedAsItsDocumentWithItsStoredHistory(name);
        }
        assertThat(memory.store().periods(company)).hasSize(15);
    }

    /**
     * A ledger sent over months stored before (some the same, some corrected, some new, and later months it is
     * history for): every stored period's diagnosis is still its document judged with its stored history.
     */
    @Test
    void aLedgerStoredOverStoredMonthsJudgesEveryPeriodWithItsStoredHistory() {
        List<Snapshot> months = ledgerMonths(9);
        for (Snapshot month : List.of(months.get(0), months.get(1), months.get(7), months.get(8))) {
            memory.put(company, month.period(), SnapshotWriter.write(month).getBytes(StandardCharsets.UTF_8), "t");
        }
        List<Snapshot> corrected = ledgerMonths(9).subList(0, 7).stream()
                .map(month -> month.period().equals("2024-02") ? ledgerMonths(2, 130).get(1) : month)
                .toList();

        List<CompanyMemory.Stored> stored = memory.putAll(company, corrected, "tester");

        assertThat(stored).extracting(CompanyMemory.Stored::created)
                .containsExactly(false, true, true, true, true, true, true);
        assertThat(memory.store().periods(company)).hasSize(9);
        everyPeriodIsJudgedAsItsDocumentWithItsStoredHistory(company);
    }

    @Test
    void aLedgerNamingOnePeriodTwiceIsRefusedWhole() {
        List<Snapshot> months = ledgerMonths(3);

        assertThatThrownBy(() -> memory.putAll(company, List.of(months.get(0), months.get(1), months.get(1)), "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the months sent at once name the period 2024-02 twice");
        assertThat(memory.store().periods(company)).isEmpty();
    }

    private void everyPeriodIsJudgedAsItsDocumentWithItsStoredHistory(String name) {
        SnapshotReader reader = new SnapshotReader(Long.MAX_VALUE);
        for (StoredSnapshot stored : memory.store().periods(name)) {
            HistoryAssembly.Assembled assembled = HistoryAssembly.assemble(stored.document(), memory.store()
                    .before(name, stored.periodicity(), stored.currency(), stored.endMonth()));
            DiagnosisResult asDocument = new Advisor().diagnose(reader.read(assembled.document()), RULES,
                    assembled.outside());
            assertThat(memory.diagnosis(name, stored.period()).orElseThrow().result())
                    .as(name + " " + stored.period())
                    .isEqualTo(new String(ResultJson.writeCompact(asDocument), StandardCharsets.UTF_8));
        }
    }

    @Test
    void twelveMonthsSentOneByOneJudgeTheTwelfthAsOneSnapshotCarryingTheOtherElevenAsHistory() {
        List<String> months = MonthlyDocuments.withChurn(ACCELERATING);
        for (int i = 0; i < months.size(); i++) {
            put(MonthlyDocuments.period(i), months.get(i));
        }

        DiagnosisResult stored = ResultJsonRead.of(memory.diagnosis(company, "2024-12").orElseThrow());
        DiagnosisResult together = AdvisorHarness.of(RULES).diagnose(MonthlyDocuments.lastWithHistory(ACCELERATING));

        assertThat(codes(stored)).isEqualTo(codes(together)).contains("CHURN_ACCELERATING");
        assertThat(stored.metrics()).isEqualTo(together.metrics());
        assertThat(stored.metrics()).anySatisfy(m -> {
            assertThat(m.code()).isEqualTo("nrr");
            assertThat(m.windowMonths()).isEqualTo(12);
        });
        assertThat(stored.metrics()).anySatisfy(m -> assertThat(m.code()).isEqualTo("logo_churn_change_relative"));
    }

    /**
     * A month is judged with the stored months of the window the judgment reads, not with every month before it:
     * storing a long ledger costs time in proportion to its months, not their square.
     */
    @Test
    void aMonthIsJudgedWithTheTwentyFourMonthsBeforeItNotAllOfThem() {
        double[] churn = new double[30];
        java.util.Arrays.fill(churn, 0.02);
        List<String> months = MonthlyDocuments.withChurn(churn);
        for (int i = 0; i < months.size(); i++) {
            put(MonthlyDocuments.period(i), months.get(i));
        }

        StoredSnapshot last = memory.store().latest(company, MonthlyDocuments.period(29)).orElseThrow();
        List<CompanyStore.PeriodFigures> history = memory.store().before(company, last.periodicity(), last.currency(),
                last.endMonth());

        assertThat(history).hasSize(CompanyStore.HISTORY_MONTHS);
        assertThat(history.get(0).period()).isEqualTo(MonthlyDocuments.period(29 - CompanyStore.HISTORY_MONTHS));
    }

    /** The same, for generated companies: any run of months, any churn, stored in any order. */
    @Test
    void anyRunOfMonthsStoredInAnyOrderJudgesItsLastMonthAsOneSnapshotWithTheRestAsHistory() {
        java.util.Random random = new java.util.Random(19);
        for (int run = 0; run < 12; run++) {
            company = "generated-" + run + "-" + System.nanoTime();
            double[] churn = new double[2 + random.nextInt(13)];
            for (int i = 0; i < churn.length; i++) {
                churn[i] = random.nextInt(90) / 1000.0;
            }
            List<String> months = MonthlyDocuments.withChurn(churn);
            List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, months.size()).boxed().toList());
            java.util.Collections.shuffle(order, random);
            for (int i : order) {
                put(MonthlyDocuments.period(i), months.get(i));
            }

            String last = MonthlyDocuments.period(months.size() - 1);
            DiagnosisResult stored = ResultJsonRead.of(memory.diagnosis(company, last).orElseThrow());
            DiagnosisResult together = AdvisorHarness.of(RULES).diagnose(MonthlyDocuments.lastWithHistory(churn));
            assertThat(codes(stored)).as("run %d, order %s", run, order).isEqualTo(codes(together));
            assertThat(stored.metrics()).as("run %d, order %s", run, order).isEqualTo(together.metrics());
        }
    }

    @Test
    void theSameDocumentTwiceIsOneRevisionAndAChangedOneIsANewRevisionWithTheOldKept() {
        String january = MonthlyDocuments.withChurn(0.02).get(0);
        String reordered = january.replace("{\"period\":\"2024-01\",", "{").replace("}}", "},\"period\":\"2024-01\"}");

        CompanyMemory.Stored first = put("2024-01", january);
        CompanyMemory.Stored again = put("2024-01", "  " + reordered + "\n");
        CompanyMemory.Stored changed = put("2024-01", MonthlyDocuments.withChurn(0.03).get(0));

        assertThat(first.created()).isTrue();
        assertThat(first.snapshot().revision()).isEqualTo(1);
        assertThat(again.created()).isFalse();
        assertThat(again.snapshot().revision()).isEqualTo(1);
        assertThat(changed.created()).isTrue();
        assertThat(changed.snapshot().revision()).isEqualTo(2);
        List<CompanyStore.Revision> revisions = new ArrayList<>();
        memory.store().export(company, revisions::add);
        assertThat(revisions).extracting(r -> r.snapshot().revision()).containsExactly(1, 2);
        assertThat(revisions).allSatisfy(r -> assertThat(r.diagnosis()).isNotNull());
        assertThat(memory.store().latest(company, "2024-01").orElseThrow().document())
                .isEqualTo(MonthlyDocuments.withChurn(0.03).get(0));
    }

    @Test
    void aDocumentForAnotherPeriodAnInvalidOneAndABadNameAreRefusedAndNothingIsStored() {
        String january = MonthlyDocuments.withChurn(0.02).get(0);

        assertThatThrownBy(() -> put("2024-02", january)).isInstanceOf(InvalidSnapshotException.class)
                .hasMessageContaining("/period: the document is for 2024-01, but it is sent as 2024-02");
        assertThatThrownBy(() -> put("2024-01", january.replace("\"churned\":20", "\"churned\":-20")))
                .isInstanceOf(InvalidSnapshotException.class).hasMessageContaining("/customers/churned");
        assertThatThrownBy(() -> memory.put("../etc", "2024-01", january.getBytes(StandardCharsets.UTF_8), "t"))
                .isInstanceOf(InvalidCompanyNameException.class);
        assertThat(memory.store().periods(company)).isEmpty();
    }

    @Test
    void aHistoryEntrySentWinsOverTheStoredPeriodAndADisagreementIsAHistoryConflict() {
        List<String> months = MonthlyDocuments.withChurn(0.02, 0.02, 0.02);
        put("2024-01", months.get(0));
        put("2024-02", months.get(1));
        String sameHistory = months.get(2).replaceFirst("}$", ",\"history\":[" + months.get(1) + "]}");
        String otherHistory = sameHistory.replace("\"churned\":20,\"ending\":1020}", "\"churned\":25,\"ending\":1015}");

        DiagnosisResult agreeing = put("2024-03", sameHistory).result();
        DiagnosisResult disagreeing = put("2024-03", otherHistory).result();

        assertThat(codes(agreeing)).doesNotContain("HISTORY_CONFLICT");
        assertThat(value(agreeing, "stored_history_gap_rate")).isEqualTo(0.0);
        assertThat(codes(disagreeing)).contains("HISTORY_CONFLICT");
        assertThat(value(disagreeing, "stored_history_gap_rate")).isGreaterThan(0.005);
    }

    @Test
    void storingAnEarlierPeriodLaterDiagnosesThePeriodsAfterItAgainWithItAsHistory() {
        List<String> months = MonthlyDocuments.withChurn(0.02, 0.02);
        put("2024-02", months.get(1));
        assertThat(metric(memory.diagnosis(company, "2024-02"), "period_mrr_discontinuity_rate")).isFalse();

        put("2024-01", months.get(0));

        assertThat(metric(memory.diagnosis(company, "2024-02"), "period_mrr_discontinuity_rate")).isTrue();
    }

    @Test
    void concurrentWritesOfOnePeriodKeepEveryRevision() throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<CompanyMemory.Stored>> writes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String document = MonthlyDocuments.withChurn(0.01 + i / 100.0).get(0);
                writes.add(() -> put("2024-01", document));
            }
            for (Future<CompanyMemory.Stored> write : pool.invokeAll(writes)) {
                assertThat(write.get().created()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        List<CompanyStore.Revision> revisions = new ArrayList<>();
        memory.store().export(company, revisions::add);
        assertThat(revisions).extracting(r -> r.snapshot().revision()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(revisions).extracting(r -> r.snapshot().sha256()).doesNotHaveDuplicates();
    }

    @Test
    void aWriteOfACompanyWaitsForALongOneOfTheSameCompanyAndThenSeesItsMonths() throws Exception {
        List<Snapshot> months = ledgerMonths(5);
        Clock slow = clock(() -> {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<CompanyMemory.Stored>> ledger = pool.submit(() -> memory(slow).putAll(company, months, "t"));
            Thread.sleep(400);
            String june = MonthlyDocuments.withChurn(0.02, 0.02, 0.02, 0.02, 0.02, 0.02).get(5);

            // Held for some 2.5 s by the ledger: more than H2's default lock wait of one second.
            CompanyMemory.Stored after = put("2024-06", june);

            assertThat(ledger.get()).hasSize(5);
            assertThat(after.result().metrics()).anySatisfy(m ->
                    assertThat(m.code()).isEqualTo("period_mrr_discontinuity_rate"));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aLedgerThatFailsHalfWayStoresNoneOfItsMonths() {
        List<Snapshot> months = ledgerMonths(6);
        AtomicInteger calls = new AtomicInteger();
        Clock failing = clock(() -> {
            if (calls.incrementAndGet() == 7) {
                throw new IllegalStateException("the disk went away");
            }
        });

        assertThatThrownBy(() -> memory(failing).putAll(company, months, "tester"))
                .hasMessageContaining("the disk went away");
        assertThat(memory.store().periods(company)).isEmpty();

        assertThat(memory.putAll(company, months, "tester")).hasSize(6);
        assertThat(memory.timeline(company)).hasSize(6);
    }

    @Test
    void aLedgerStoredAgainWithAnEarlierMonthCorrectedJudgesTheUnchangedMonthsAfterItAgain() {
        SnapshotReader reader = new SnapshotReader();
        List<Snapshot> months = MonthlyDocuments.withChurn(0.02, 0.02, 0.02).stream()
                .map(reader::read).toList();
        memory.putAll(company, months, "tester");
        assertThat(codes(ResultJsonRead.of(memory.diagnosis(company, "2024-02").orElseThrow())))
                .doesNotContain("PERIOD_DISCONTINUITY");
        List<Snapshot> corrected = new ArrayList<>(months);
        corrected.set(0, reader.read(MonthlyDocuments.withChurn(0.05).get(0)));

        List<CompanyMemory.Stored> stored = memory.putAll(company, corrected, "tester");

        assertThat(stored).extracting(CompanyMemory.Stored::created).containsExactly(true, false, false);
        assertThat(codes(stored.get(1).result())).contains("PERIOD_DISCONTINUITY");
        assertThat(codes(ResultJsonRead.of(memory.diagnosis(company, "2024-02").orElseThrow())))
                .contains("PERIOD_DISCONTINUITY");
    }

    @Test
    void deletingACompanyRemovesEveryRevisionAndDiagnosis() {
        put("2024-01", MonthlyDocuments.withChurn(0.02).get(0));
        put("2024-01", MonthlyDocuments.withChurn(0.03).get(0));

        assertThat(memory.delete(company)).isEqualTo(2);

        assertThat(memory.store().periods(company)).isEmpty();
        assertThat(memory.diagnosis(company, "2024-01")).isEmpty();
        assertThat(memory.store().companies()).doesNotContain(company);
    }

    @Test
    void closingAndOpeningTheDatabaseAgainKeepsEverything() {
        put("2024-01", MonthlyDocuments.withChurn(0.02).get(0));
        List<TimelineEntry> before = memory.timeline(company);

        database.close();
        database = Database.open(url());
        memory = memory(Clock.systemUTC());

        assertThat(memory.timeline(company)).isEqualTo(before);
    }

    @Test
    void aDatabaseMigratedByANewerBuildIsRefused() {
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        jdbc.sql("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                + "\"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\") "
                + "VALUES (99, '99', 'from a newer build', 'SQL', 'V99__from_a_newer_build.sql', 0, 'test', "
                + "CURRENT_TIMESTAMP, 0, TRUE)").update();
        try {
            assertThatThrownBy(() -> Database.open(url())).isInstanceOf(NewerSchemaException.class)
                    .hasMessageContaining("migration 99 (from a newer build)")
                    .hasMessageContaining("this build knows up to version " + com.healthadvisor.company.Migrations.newest());
        } finally {
            jdbc.sql("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '99'").update();
        }
    }

    @Test
    void changesBetweenTwoPeriodsListWhatAppearedAndWhatWasResolvedWithTheFiguresBehind() {
        List<String> months = MonthlyDocuments.withChurn(0.01, 0.09);
        put("2024-01", months.get(0));
        put("2024-02", months.get(1));

        Changes worse = memory.changes(company, "2024-01", "2024-02").orElseThrow();
        Changes back = memory.changes(company, "2024-02", "2024-01").orElseThrow();

        assertThat(worse.newFindings()).extracting(Changes.Change::code).contains("LOGO_CHURN_CRISIS");
        Changes.Change crisis = worse.newFindings().stream().filter(c -> c.code().equals("LOGO_CHURN_CRISIS"))
                .findFirst().orElseThrow();
        assertThat(crisis.moves()).anySatisfy(m -> {
            assertThat(m.metric()).startsWith("logo_churn_rate");
            assertThat(m.from()).isEqualTo(0.01);
            assertThat(m.to()).isGreaterThan(0.05);
            assertThat(m.direction()).isEqualTo("worse");
        });
        assertThat(worse.headline().orElseThrow().kind()).isEqualTo("new");
        assertThat(back.resolved()).extracting(Changes.Change::code).contains("LOGO_CHURN_CRISIS");
        assertThat(worse.keyMetrics()).anySatisfy(m -> assertThat(m.metric()).isEqualTo("logo_churn_rate"));
    }

    /** The system clock, doing {@code first} each time it is read: slow, or failing at some read. */
    static Clock clock(Runnable first) {
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                first.run();
                return Instant.now();
            }
        };
    }

    static List<Snapshot> ledgerMonths(int count) {
        return ledgerMonths(count, 100);
    }

    /** @param mrr the MRR of the first customer, each next one paying one more */
    static List<Snapshot> ledgerMonths(int count, int mrr) {
        StringBuilder csv = new StringBuilder("customer_id,month,mrr\n");
        for (int m = 0; m < count; m++) {
            for (int c = 0; c < 40 - m; c++) {
                csv.append("c").append(c).append(",2024-0").append(m + 1).append(",").append(mrr + c).append('\n');
            }
        }
        return LedgerSnapshots.readAll(new StringReader(csv.toString()), null, null,
                false);
    }

    static List<String> codes(DiagnosisResult result) {
        return result.diagnoses().stream().map(Diagnosis::code).toList();
    }

    static Double value(DiagnosisResult result, String code) {
        return result.metrics().stream().filter(m -> m.code().equals(code)).findFirst()
                .map(DiagnosisResult.MetricValue::value).orElse(null);
    }

    static boolean metric(java.util.Optional<StoredDiagnosis> stored, String code) {
        return value(ResultJsonRead.of(stored.orElseThrow()), code) != null;
    }

    /** A stored diagnosis's result, read back. */
    static final class ResultJsonRead {
        static DiagnosisResult of(StoredDiagnosis stored) {
            return ResultJson.read(stored.result());
        }
    }
}
