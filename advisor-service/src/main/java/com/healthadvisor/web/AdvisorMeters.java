package com.healthadvisor.web;

import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.live.ReloadObserver;
import com.healthadvisor.InvalidSnapshotException;
import com.healthadvisor.InvalidLedgerException;
import com.healthadvisor.InvalidImportException;
import com.healthadvisor.company.InvalidCompanyNameException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * What operators graph, at {@code /actuator/prometheus}: diagnoses by outcome and format, rule reloads by outcome,
 * ledger imports (their rows and seconds), periods stored in the company memory (through the API or the
 * workbench), and the active rule set's version (docs/operations.md). Every timer here is published with a
 * histogram (application.yaml), so that percentiles can be aggregated across replicas.
 */
public final class AdvisorMeters implements ReloadObserver {

    static final String DIAGNOSES = "advisor.diagnoses";
    static final String RELOADS = "advisor.rules.reloads";
    static final String LEDGER_IMPORTS = "advisor.ledger.imports";
    static final String LEDGER_ROWS = "advisor.ledger.import.rows";
    static final String ACTIVE_RULES = "advisor.rules.active";
    static final String STORES = "advisor.company.stores";

    private final MeterRegistry registry;
    private final ActiveRuleSet active;
    private final MultiGauge activeRules;

    AdvisorMeters(MeterRegistry registry, ActiveRuleSet active) {
        this.registry = registry;
        this.active = active;
        this.activeRules = MultiGauge.builder(ACTIVE_RULES)
                .description("The active rule set: 1, with its version as a label (as a build_info metric is)")
                .register(registry);
        showActive();
    }

    Timer.Sample startTiming() {
        return Timer.start(registry);
    }

    /** Records one diagnosis answered; its outcome is "ok", "invalid" (the input was refused) or "failed". */
    void diagnosed(Timer.Sample sample, String input, String format, String outcome) {
        sample.stop(Timer.builder(DIAGNOSES).description("Diagnoses answered, by input, format and outcome")
                .tags("input", input, "format", format, "outcome", outcome).register(registry));
    }

    /** Times one ledger import and counts its rows (the lines after the header). */
    <T> T ledgerImport(LineCounter lines, Callable<T> work) throws Exception {
        return ledgerImport(lines, work, "api");
    }

    /** A ledger uploaded on the workbench, read and counted as the API's are. */
    public <T> T ledgerImport(byte[] ledger, Function<Reader, T> read) throws Exception {
        LineCounter lines = new LineCounter(new ByteArrayInputStream(ledger));
        return ledgerImport(lines, () -> read.apply(new InputStreamReader(lines, StandardCharsets.UTF_8)), "workbench");
    }

    /**
     * Times one store into the company memory (a snapshot, or every month of a ledger or an export, in one
     * transaction), by where it came from ({@code api} or {@code workbench}) and outcome.
     */
    public <T> T stored(String via, Callable<T> work) throws Exception {
        return timed(STORES, "Stores into the company memory, by route and outcome", Tags.of("via", via), work);
    }

    private <T> T ledgerImport(LineCounter lines, Callable<T> work, String via) throws Exception {
        try {
            return timed(LEDGER_IMPORTS, "Ledgers read into snapshots, by route and outcome", Tags.of("via", via), work);
        } finally {
            registry.summary(LEDGER_ROWS, Tags.empty()).record(lines.rows());
        }
    }

    @Override
    public void reloaded(String trigger, boolean accepted, Duration took) {
        Timer.builder(RELOADS).description("Attempts to change the active rule set, by trigger and outcome")
                .tags("trigger", trigger, "outcome", accepted ? "accepted" : "refused")
                .register(registry).record(took);
        if (accepted) {
            showActive();
        }
    }

    private void showActive() {
        activeRules.register(List.of(MultiGauge.Row.of(Tags.of("version", active.current().version()), 1)), true);
    }

    private <T> T timed(String name, String description, Tags tags, Callable<T> work) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            T result = work.call();
            outcome = "ok";
            return result;
        } catch (InvalidSnapshotException | InvalidLedgerException | InvalidImportException
                 | InvalidCompanyNameException e) {
            outcome = "invalid";
            throw e;
        } finally {
            sample.stop(Timer.builder(name).description(description).tags(tags).tag("outcome", outcome)
                    .register(registry));
        }
    }
}
