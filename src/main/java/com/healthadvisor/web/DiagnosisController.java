package com.healthadvisor.web;

import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.diagnosis.DiagnosisResult;
import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.snapshot.SnapshotReader;
import jakarta.servlet.http.HttpServletRequest;
import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.snapshot.Snapshot;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** {@code POST /api/v1/diagnoses}: a snapshot in, the diagnosis out as JSON, or as a Markdown or HTML report. */
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

    /** JSON by default; the Markdown or HTML report when the client's Accept header prefers it. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = {MediaType.APPLICATION_JSON_VALUE,
            "text/markdown", MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<byte[]> diagnose(HttpServletRequest request,
                                    @RequestParam(defaultValue = "false") boolean fragment) throws Exception {
        MediaType wanted = ReportFormats.preferred(request.getHeader(HttpHeaders.ACCEPT));
        return meters.diagnosis("snapshot", ReportFormats.name(wanted), () -> {
            byte[] body = Bodies.read(request, reader.maxBytes());
            return respond(wanted, reader.read(body), fragment);
        });
    }

    private ResponseEntity<byte[]> respond(MediaType wanted, Snapshot snapshot, boolean fragment) {
        // One read of the active rule set: the whole request is evaluated by it, even if a swap happens meanwhile.
        RuleSet ruleSet = active.current();
        DiagnosisResult result = advisor.diagnose(snapshot, ruleSet);
        return ResponseEntity.ok().contentType(wanted)
                .body(ReportFormats.body(wanted, result, snapshot, ruleSet, fragment, null));
    }

    /** The same, from a per-customer monthly MRR ledger: the snapshot of {@code period} (default the last month). */
    @PostMapping(consumes = "text/csv", produces = {MediaType.APPLICATION_JSON_VALUE, "text/markdown",
            MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<byte[]> diagnoseLedger(HttpServletRequest request, @RequestParam(required = false) String period,
                                          @RequestParam(required = false) String company,
                                          @RequestParam(required = false) String currency,
                                          @RequestParam(defaultValue = "false") boolean fragment,
                                          @RequestParam(name = "allow_empty_months", defaultValue = "false")
                                          boolean allowEmptyMonths) throws Exception {
        MediaType wanted = ReportFormats.preferred(request.getHeader(HttpHeaders.ACCEPT));
        return meters.diagnosis("ledger", ReportFormats.name(wanted), () -> {
            LineCounter lines = new LineCounter(Bodies.limited(request, properties.maxLedgerSize().toBytes()));
            Snapshot snapshot = meters.ledgerImport(lines, () -> LedgerSnapshots.read(
                    new InputStreamReader(lines, StandardCharsets.UTF_8), period, company, currency, allowEmptyMonths));
            return respond(wanted, snapshot, fragment);
        });
    }

}
