package com.healthadvisor.web;

import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.settings.AdvisorProperties;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.snapshot.SnapshotReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/v1/diagnoses}: a snapshot or a ledger in, the diagnosis out as JSON or as the report
 * (Markdown, HTML, PDF): {@link DiagnosisReportConverter} writes the format content negotiation picks, and
 * {@link DiagnosisTiming} times it.
 */
@Tag(name = "Diagnoses")
@RestController
@RequestMapping("/api/v1/diagnoses")
class DiagnosisController {

    private final SnapshotReader reader;
    private final Advisor advisor;
    private final ActiveRuleSet active;
    private final AdvisorProperties properties;
    private final AdvisorMeters meters;

    DiagnosisController(SnapshotReader reader, Advisor advisor, ActiveRuleSet active, AdvisorProperties properties,
                        AdvisorMeters meters) {
        this.meters = meters;
        this.reader = reader;
        this.advisor = advisor;
        this.active = active;
        this.properties = properties;
    }

    /** JSON by default; the report as Markdown, HTML or PDF when the client's Accept header prefers it. */
    @Operation(operationId = "diagnose",
            summary = "Diagnose a snapshot (JSON) or a ledger (CSV); the result as JSON, or the report as Markdown "
                    + "or HTML",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(ref = "#/components/schemas/Snapshot"))))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = {DiagnosisReport.JSON,
            DiagnosisReport.MARKDOWN, DiagnosisReport.HTML, DiagnosisReport.PDF})
    DiagnosisReport diagnose(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean fragment)
            throws IOException {
        return diagnosed(reader.read(Bodies.read(request, reader.maxBytes())), fragment);
    }

    /** The same, from a per-customer monthly MRR ledger: the snapshot of {@code period} (default the last month). */
    @Operation(operationId = "diagnose",
            summary = "Diagnose a snapshot (JSON) or a ledger (CSV); the result as JSON, or the report as Markdown "
                    + "or HTML",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = "string", description = ApiDescription.LEDGER))))
    @PostMapping(consumes = "text/csv", produces = {DiagnosisReport.JSON, DiagnosisReport.MARKDOWN,
            DiagnosisReport.HTML, DiagnosisReport.PDF})
    DiagnosisReport diagnoseLedger(HttpServletRequest request, @RequestParam(required = false) String period,
                                   @RequestParam(required = false) String company,
                                   @RequestParam(required = false) String currency,
                                   @RequestParam(defaultValue = "false") boolean fragment,
                                   @RequestParam(name = "allow_empty_months", defaultValue = "false")
                                   boolean allowEmptyMonths) throws Exception {
        LineCounter lines = new LineCounter(Bodies.limited(request, properties.maxLedgerSize().toBytes()));
        Snapshot snapshot = meters.ledgerImport(lines, () -> LedgerSnapshots.read(
                new InputStreamReader(lines, StandardCharsets.UTF_8), period, company, currency, allowEmptyMonths));
        return diagnosed(snapshot, fragment);
    }

    private DiagnosisReport diagnosed(Snapshot snapshot, boolean fragment) {
        // One read of the active rule set: the whole request is evaluated by it, even if a swap happens meanwhile.
        RuleSet ruleSet = active.current();
        return new DiagnosisReport(advisor.diagnose(snapshot, ruleSet), snapshot, ruleSet, fragment,
                DiagnosisReport.NOTHING_SINCE);
    }
}
