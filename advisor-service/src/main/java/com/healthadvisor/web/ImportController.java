package com.healthadvisor.web;

import com.healthadvisor.InvalidImportException;
import com.healthadvisor.company.CompanyMemory;
import com.healthadvisor.imports.BillingImport;
import com.healthadvisor.settings.AdvisorProperties;
import com.healthadvisor.snapshot.Snapshot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * A billing export stored as a company's months (docs/imports.md): Stripe, Chargebee or a subscription CSV turned
 * into the ledger, every month of it stored and diagnosed in one transaction, as a ledger is.
 */
@RestController
@RequestMapping("/api/v1/companies")
@Tag(name = "companies")
class ImportController {

    private final CompanyMemory memory;
    private final AdvisorProperties properties;
    private final AdvisorMeters meters;

    ImportController(CompanyMemory memory, AdvisorProperties properties, AdvisorMeters meters) {
        this.memory = memory;
        this.properties = properties;
        this.meters = meters;
    }

    /** What an import stored, and what it read but left out of MRR. */
    record StoredImport(String company, String source, int subscriptions, String currency, int months, int created,
                        List<CompanyController.LedgerMonth> periods, List<String> leftOut) {
    }

    @Operation(operationId = "putImport", summary = "Store and diagnose every month of a billing export "
            + "(stripe, chargebee or csv), in one transaction", requestBody = @RequestBody(required = true,
            description = "the export as one body (JSON, one JSON object per line, or CSV); or multipart/form-data "
                    + "with parts named file (one or more: Stripe subscriptions and invoices), rates (CSV "
                    + "currency,rate) and mapping (a subscription CSV's field = column lines)",
            content = {@Content(mediaType = "application/json", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = "multipart/form-data", schema = @Schema(type = "object"))}))
    @PostMapping(value = "/{company}/imports/{source}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoredImport> store(@PathVariable String company, @PathVariable String source,
                                       @RequestParam(required = false) String currency,
                                       @RequestParam(required = false) String through,
                                       @RequestParam(name = "rates_by_month", defaultValue = "false")
                                       boolean ratesByMonth,
                                       HttpServletRequest request, Principal principal) throws Exception {
        CompanyMemory.checkName(company);
        BillingImport.Source from = BillingImport.Source.of(source);
        BillingImport billing = read(from, request, new BillingImport.Options(currency, null, null, through,
                ratesByMonth));
        List<Snapshot> months = billing.snapshots(company, properties.maxLedgerMonths());
        List<CompanyMemory.Stored> stored = meters.stored("api", () -> memory.putAll(company, months, principal.getName()));
        List<CompanyController.LedgerMonth> periods = stored.stream().map(CompanyController.LedgerMonth::of).toList();
        int created = (int) stored.stream().filter(CompanyMemory.Stored::created).count();
        return ResponseEntity.status(created > 0 ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new StoredImport(company, from.word(), billing.subscriptions(), billing.currency(),
                        periods.size(), created, periods, billing.notes()));
    }

    /** The export in the body, or in the parts of a multipart body with its rates and mapping. */
    private BillingImport read(BillingImport.Source source, HttpServletRequest request, BillingImport.Options asked)
            throws Exception {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            List<BillingImport.Input> files = new ArrayList<>();
            Reader rates = null;
            Reader mapping = null;
            for (Part part : request.getParts()) {
                Reader reader = new InputStreamReader(part.getInputStream(), StandardCharsets.UTF_8);
                switch (part.getName()) {
                    case "file" -> files.add(new BillingImport.Input(part.getSubmittedFileName() == null
                            ? "file " + (files.size() + 1) : part.getSubmittedFileName(), reader));
                    case "rates" -> rates = reader;
                    case "mapping" -> mapping = reader;
                    default -> throw new InvalidImportException(List.of("unknown part \"" + part.getName()
                            + "\": expected file (one or more), rates and mapping"));
                }
            }
            if (files.isEmpty()) {
                throw new InvalidImportException(List.of("no part named file: the export goes in parts named file"));
            }
            return BillingImport.read(source, files, new BillingImport.Options(asked.currency(), rates, mapping,
                    asked.through(), asked.ratesByMonth()));
        }
        Reader body = new InputStreamReader(Bodies.limited(request, properties.maxLedgerSize().toBytes()),
                StandardCharsets.UTF_8);
        return BillingImport.read(source, List.of(new BillingImport.Input("the request body", body)), asked);
    }
}
