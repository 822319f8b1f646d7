package com.healthadvisor.web;

import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.live.ReloadObserver;
import com.healthadvisor.InvalidSnapshotException;
import com.healthadvisor.InvalidLedgerException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What operators graph, at {@code /actuator/prometheus}: diagnoses by outcome and format, rule reloads by outcome,
 * ledger imports (their rows and seconds), and the active rule set's version (docs/operations.md).
 */
final class AdvisorMeters implements ReloadObserver {

    static final String DIAGNOSES = "advisor.diagnoses";
    static final String RELOADS = "advisor.rules.reloads";
    static final String LEDGER_IMPORTS = "advisor.ledger.imports";
    static final String LEDGER_ROWS = "advisor.ledger.import.rows";
    static final String ACTIVE_RULES = "advisor.rules.active";

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
        try {
            return timed(LEDGER_IMPORTS, "Ledgers read into snapshots, by outcome", work);
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

    private <T> T timed(String name, String description, Callable<T> work) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            T result = work.call();
            outcome = "ok";
            return result;
        } catch (InvalidSnapshotException | InvalidLedgerException e) {
            outcome = "invalid";
            throw e;
        } finally {
            sample.stop(Timer.builder(name).description(description).tag("outcome", outcome)
                    .register(registry));
        }
    }
}
