package com.healthadvisor.web;

import com.healthadvisor.access.AccessRules;
import com.healthadvisor.company.ChangeWords;
import com.healthadvisor.company.Changes;
import com.healthadvisor.company.CompanyMemory;
import com.healthadvisor.company.CompanyStore;
import com.healthadvisor.company.NoSuchPeriodException;
import com.healthadvisor.company.Rediagnoses;
import com.healthadvisor.company.StoredSnapshot;
import com.healthadvisor.company.Timeline;
import com.healthadvisor.company.TimelineEntry;
import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.report.PeriodChanges;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.settings.AdvisorProperties;
import com.healthadvisor.snapshot.Snapshot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The company memory over HTTP: store a period's snapshot or a whole ledger, list companies, read a timeline, a
 * period's diagnosis (as stored, or under today's rules) and what changed between two periods, export or delete a
 * company, and re-diagnose everything under the current rules. Who may do what: {@link AccessRules#API}.
 */
@Tag(name = "Companies")
@RestController
@RequestMapping("/api/v1/companies")
class CompanyController {

    private final CompanyMemory memory;
    private final Rediagnoses rediagnoses;
    private final ActiveRuleSet active;
    private final AdvisorProperties properties;
    private final AdvisorMeters meters;

    CompanyController(CompanyMemory memory, Rediagnoses rediagnoses, ActiveRuleSet active,
                      AdvisorProperties properties, AdvisorMeters meters) {
        this.meters = meters;
        this.memory = memory;
        this.rediagnoses = rediagnoses;
        this.active = active;
        this.properties = properties;
    }

    /** Each company with its newest period, that period's health and the rule set that judged it. */
    @Operation(operationId = "listCompanies", summary = "Each company with its newest period and health")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<CompanyStore.CompanyHead> companies() {
        return memory.store().heads();
    }

    /** What a write answers: the revision it made (or found) and its diagnosis. */
    record StoredPeriod(String company, String period, int revision, boolean created, Instant storedAt,
                        String storedBy, JsonNode diagnosis) {

        /** The diagnosis as contract.md writes it, absent values left out. */
        static StoredPeriod of(CompanyMemory.Stored stored) {
            StoredSnapshot s = stored.snapshot();
            return new StoredPeriod(s.company(), s.period(), s.revision(), stored.created(), s.storedAt(),
                    s.storedBy(), ResultJson.mapper().valueToTree(stored.result()));
        }
    }

    /** 201 with a new revision; 200 when the document is the period's newest revision already. */
    @Operation(operationId = "putSnapshot", summary = "Store and diagnose a period's snapshot",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(ref = "#/components/schemas/Snapshot"))))
    @PutMapping(value = "/{company}/snapshots/{period}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoredPeriod> put(@PathVariable String company, @PathVariable String period,
                                     HttpServletRequest request, Principal principal) throws Exception {
        byte[] body = Bodies.read(request, properties.maxSnapshotSize().toBytes());
        CompanyMemory.Stored stored = meters.stored("api", () -> memory.put(company, period, body, principal.getName()));
        return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/companies/" + company + "/diagnoses/" + period))
                .body(StoredPeriod.of(stored));
    }

    /** The newest revision's document, as it was sent. */
    @Operation(operationId = "getSnapshot", summary = "A stored period's newest snapshot")
    @GetMapping(value = "/{company}/snapshots/{period}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> snapshot(@PathVariable String company, @PathVariable String period) {
        StoredSnapshot stored = memory.store().latest(company, period).orElseThrow(() -> missing(company, period));
        return ResponseEntity.ok().header("X-Revision", String.valueOf(stored.revision()))
                .contentType(MediaType.APPLICATION_JSON).body(stored.document());
    }

    record StoredLedger(String company, int months, int created, List<LedgerMonth> periods) {
    }

    /** One month a ledger stored: the whole diagnosis is at {@code GET .../diagnoses/{period}}. */
    record LedgerMonth(String period, int revision, boolean created, String health, List<String> codes) {

        static LedgerMonth of(CompanyMemory.Stored stored) {
            return new LedgerMonth(stored.snapshot().period(), stored.snapshot().revision(), stored.created(),
                    stored.result().health(), stored.result().diagnoses().stream()
                    .map(com.healthadvisor.Diagnosis::code).toList());
        }
    }

    /** Every month of a per-customer MRR ledger, stored at once: all months with their diagnoses, or none. */
    @Operation(operationId = "putLedger", summary = "Store and diagnose every month of a ledger, in one transaction",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = "string", description = ApiDescription.LEDGER))))
    @PostMapping(value = "/{company}/ledger", consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoredLedger> ledger(@PathVariable String company, HttpServletRequest request,
                                        @RequestParam(required = false) String currency,
                                        @RequestParam(name = "allow_empty_months", defaultValue = "false")
                                        boolean allowEmptyMonths, Principal principal) throws Exception {
        CompanyMemory.checkName(company);
        LineCounter lines = new LineCounter(Bodies.limited(request, properties.maxLedgerSize().toBytes()));
        List<Snapshot> months = meters.ledgerImport(lines, () -> LedgerSnapshots.readAll(
                new InputStreamReader(lines, StandardCharsets.UTF_8), null, currency, allowEmptyMonths,
                properties.maxLedgerMonths()));
        List<CompanyMemory.Stored> stored = meters.stored("api", () -> memory.putAll(company, months, principal.getName()));
        List<LedgerMonth> periods = stored.stream().map(LedgerMonth::of).toList();
        int created = (int) stored.stream().filter(CompanyMemory.Stored::created).count();
        return ResponseEntity.status(created > 0 ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new StoredLedger(company, periods.size(), created, periods));
    }

    @Operation(operationId = "getTimeline", summary = "Health and key metrics per stored period")
    @GetMapping(value = "/{company}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    Timeline timeline(@PathVariable String company) {
        List<TimelineEntry> periods = memory.timeline(company);
        if (periods.isEmpty()) {
            throw NoSuchPeriodException.noCompany(company);
        }
        return new Timeline(company, periods);
    }

    /**
     * The stored diagnosis (with the rule set version that produced it), or with {@code rules=current} the same
     * period diagnosed again under today's rules; as JSON, or as the report with "Since last period".
     */
    @Operation(operationId = "getDiagnosis", summary = "A stored period's diagnosis, or its report")
    @GetMapping(value = "/{company}/diagnoses/{period}", produces = {DiagnosisReport.JSON, DiagnosisReport.MARKDOWN,
            DiagnosisReport.HTML, DiagnosisReport.PDF})
    ResponseEntity<DiagnosisReport> diagnosis(@PathVariable String company, @PathVariable String period,
                                              @RequestParam(required = false) String rules,
                                              @RequestParam(defaultValue = "false") boolean fragment) {
        if (rules != null && !rules.equals("current") && !rules.equals("stored")) {
            throw new BadRequestException("rules is \"current\" (today's rules) or \"stored\" (the default)");
        }
        CompanyMemory.Diagnosed diagnosed = ("current".equals(rules) ? memory.diagnoseNow(company, period)
                : memory.stored(company, period)).orElseThrow(() -> missing(company, period));
        Supplier<PeriodChanges> since = () -> memory.sinceLast(company, diagnosed.stored())
                .map(c -> ChangeWords.of(c, diagnosed.result().currency())).orElse(null);
        return ResponseEntity.ok().header("X-Revision", String.valueOf(diagnosed.stored().revision()))
                .body(new DiagnosisReport(diagnosed.result(), diagnosed.snapshot(), active.current(), fragment, since));
    }

    /** What changed from one period to another; by default from the period before {@code to}, to the newest. */
    @Operation(operationId = "getChanges", summary = "What changed from one stored period to another")
    @GetMapping(value = "/{company}/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    Changes changes(@PathVariable String company, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to) {
        List<TimelineEntry> periods = memory.timeline(company);
        if (periods.size() < (from == null ? 2 : 1)) {
            throw new NoSuchPeriodException("company \"" + company + "\" has " + periods.size()
                    + (periods.size() == 1 ? " stored period" : " stored periods") + ": changes need two");
        }
        String after = to != null ? to : periods.get(periods.size() - 1).period();
        String before = from != null ? from : previous(periods, after);
        return memory.changes(company, before, after).orElseThrow(() -> new NoSuchPeriodException(
                "company \"" + company + "\" has no stored period " + (memory.diagnosis(company, before).isEmpty()
                        ? before : after)));
    }

    private static String previous(List<TimelineEntry> periods, String period) {
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).period().equals(period)) {
                return periods.get(i - 1).period();
            }
        }
        throw new NoSuchPeriodException("no stored period before " + period + " to compare with");
    }

    record Deleted(String company, int revisionsRemoved) {
    }

    @Operation(operationId = "deleteCompany", summary = "Delete a company and all it stored")
    @DeleteMapping(value = "/{company}", produces = MediaType.APPLICATION_JSON_VALUE)
    Deleted delete(@PathVariable String company) {
        int removed = memory.delete(company);
        if (removed == 0) {
            throw NoSuchPeriodException.noCompany(company);
        }
        return new Deleted(company, removed);
    }

    /** Everything a company stored, one revision per line, oldest first, each with its diagnosis. */
    @Operation(operationId = "exportCompany", summary = "Everything a company stored, as JSON lines")
    @GetMapping(value = "/{company}/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String company) {
        if (!memory.store().exists(company)) {
            throw NoSuchPeriodException.noCompany(company);
        }
        StreamingResponseBody body = out -> memory.store().export(company, revision -> {
            try {
                out.write(com.healthadvisor.company.ExportLines.of(revision));
                out.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + company + ".jsonl\"").body(body);
    }

    @Operation(operationId = "rediagnoseAll", summary = "Diagnose every stored period again under the active rules")
    @PostMapping(value = "/rediagnose", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Rediagnoses.Status> rediagnose() {
        Rediagnoses.Status status = rediagnoses.start();
        return ResponseEntity.accepted().location(URI.create("/api/v1/companies/rediagnose/" + status.id()))
                .body(status);
    }

    @Operation(operationId = "getRediagnosis", summary = "How far a re-diagnosis has got")
    @GetMapping(value = "/rediagnose/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Rediagnoses.Status rediagnosis(@PathVariable String id) {
        return rediagnoses.status(id).orElseThrow(() -> new NoSuchPeriodException("no re-diagnosis " + id));
    }

    static final class BadRequestException extends RuntimeException {
        BadRequestException(String message) {
            super(message);
        }
    }

    private static NoSuchPeriodException missing(String company, String period) {
        return new NoSuchPeriodException("company \"" + company + "\" has no stored period " + period);
    }
}
