package com.healthadvisor.web.workbench;

import com.healthadvisor.InvalidLedgerException;
import com.healthadvisor.InvalidSnapshotException;
import com.healthadvisor.Violation;
import com.healthadvisor.company.CompanyMemory;
import com.healthadvisor.company.InvalidCompanyNameException;
import com.healthadvisor.imports.BillingImport;
import com.healthadvisor.imports.Recognized;
import com.healthadvisor.json.Json;
import com.healthadvisor.ledger.LedgerSnapshots;
import com.healthadvisor.settings.AdvisorProperties;
import com.healthadvisor.snapshot.Snapshot;
import com.healthadvisor.web.AdvisorMeters;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletResponse;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submitting numbers: a ledger CSV (every month of it is stored) or a snapshot JSON, dropped or picked, or a short
 * form for the MRR and customer bridges and a few reported metrics. A problem is shown beside the field or line it
 * concerns, and nothing is stored; what is stored opens on its report.
 */
@Controller
class SubmitPage {
    private static final Pattern LINE = Pattern.compile("^line (\\d+)\\b.*");
    /** How the meters tell the workbench's stores from the API's. */
    private static final String VIA = "workbench";

    private final CompanyMemory memory;
    private final DataSize maxSnapshotSize;
    private final AdvisorMeters meters;

    SubmitPage(CompanyMemory memory, AdvisorProperties properties, AdvisorMeters meters) {
        this.memory = memory;
        this.maxSnapshotSize = properties.maxSnapshotSize();
        this.meters = meters;
    }

    /** A problem to show: the field or line it is about (null: the submission as a whole) and what is wrong. */
    public record Problem(String where, String message, String text) {
    }

    @GetMapping("/submit")
    String form(Model model) {
        model.addAttribute("form", SnapshotForm.empty());
        return "submit";
    }

    /** The form's fields, by section, on every rendering of the page. */
    @org.springframework.web.bind.annotation.ModelAttribute
    void fields(Model model) {
        model.addAttribute("mrrFields", SnapshotForm.MRR);
        model.addAttribute("customerFields", SnapshotForm.CUSTOMERS);
        model.addAttribute("metricFields", SnapshotForm.METRICS);
    }

    @PostMapping("/submit/file")
    String upload(@RequestParam String company, @RequestParam(required = false) MultipartFile file,
                  Authentication author, Model model, HttpServletResponse response) throws Exception {
        model.addAttribute("form", SnapshotForm.empty());
        model.addAttribute("company", company);
        if (file == null || file.isEmpty()) {
            return refused(model, response, List.of(new Problem("file", "choose a ledger CSV, a snapshot JSON or a "
                    + "billing export (Stripe, Chargebee, subscription CSV), or drop one on the box", null)));
        }
        byte[] bytes = file.getBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean json = text.stripLeading().startsWith("{");
        try {
            CompanyMemory.checkName(company);
            if (json && file.getSize() > maxSnapshotSize.toBytes()) {
                return refused(model, response, List.of(new Problem("file", "a snapshot is at most "
                        + maxSnapshotSize.toMegabytes() + " MB; this one is " + file.getSize() / 1024 + " KB", null)));
            }
            java.util.Optional<BillingImport.Source> export = Recognized.source(text.substring(0,
                    Math.min(text.length(), 8192)));
            if (export.isPresent()) {
                BillingImport billing = BillingImport.read(export.get(), List.of(new BillingImport.Input(
                        file.getOriginalFilename() == null ? "the file" : file.getOriginalFilename(),
                        new StringReader(text))), BillingImport.Options.defaults());
                List<CompanyMemory.Stored> stored = meters.stored(VIA, () -> memory.putAll(company,
                        billing.snapshots(company, LedgerSnapshots.MAX_MONTHS), author.getName()));
                return "redirect:/companies/" + company + "?stored=" + stored.size();
            }
            if (json) {
                CompanyMemory.Stored stored = meters.stored(VIA,
                        () -> memory.put(company, periodOf(text), bytes, author.getName()));
                return "redirect:/companies/" + company + "/periods/" + stored.snapshot().period();
            }
            List<Snapshot> months = meters.ledgerImport(bytes,
                    reader -> LedgerSnapshots.readAll(reader, company, null, false));
            List<CompanyMemory.Stored> stored = meters.stored(VIA, () -> memory.putAll(company, months, author.getName()));
            return "redirect:/companies/" + company + "?stored=" + stored.size();
        } catch (InvalidSnapshotException e) {
            return refused(model, response, e.violations().stream()
                    .map(v -> new Problem(v.pointer(), v.message(), null)).toList());
        } catch (InvalidLedgerException e) {
            return refused(model, response, ledgerProblems(e.problems(), text));
        } catch (com.healthadvisor.InvalidImportException e) {
            return refused(model, response, e.problems().stream().map(p -> new Problem("file", p, null)).toList());
        } catch (InvalidCompanyNameException e) {
            return refused(model, response, List.of(new Problem("company", e.getMessage(), null)));
        } catch (com.healthadvisor.snapshot.NotUtf8Exception e) {
            return refused(model, response, List.of(new Problem("file", e.getMessage(), null)));
        }
    }

    @PostMapping("/submit/form")
    String submitForm(@RequestParam Map<String, String> fields, Authentication author, Model model,
                      HttpServletResponse response) throws Exception {
        SnapshotForm form = SnapshotForm.of(fields);
        model.addAttribute("form", form);
        model.addAttribute("company", form.value("company"));
        Map<String, String> wrong = new LinkedHashMap<>(form.numberProblems());
        if (!wrong.isEmpty()) {
            return refusedForm(model, response, wrong, List.of());
        }
        try {
            CompanyMemory.Stored stored = meters.stored(VIA, () -> memory.put(form.value("company"),
                    form.value("period"), form.json(), author.getName()));
            return "redirect:/companies/" + stored.snapshot().company() + "/periods/" + stored.snapshot().period();
        } catch (InvalidSnapshotException e) {
            List<Problem> general = new ArrayList<>();
            for (Violation violation : e.violations()) {
                String field = SnapshotForm.fieldOf(violation.pointer());
                if (field != null && !wrong.containsKey(field)) {
                    wrong.put(field, violation.message());
                } else {
                    general.add(new Problem(violation.pointer(), violation.message(), null));
                }
            }
            return refusedForm(model, response, wrong, general);
        } catch (InvalidCompanyNameException e) {
            wrong.put("company", e.getMessage());
            return refusedForm(model, response, wrong, List.of());
        }
    }

    private static String refused(Model model, HttpServletResponse response, List<Problem> problems) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", problems);
        return "submit";
    }

    private static String refusedForm(Model model, HttpServletResponse response, Map<String, String> wrong,
                                      List<Problem> general) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("fieldProblems", wrong);
        model.addAttribute("formProblems", general);
        return "submit";
    }

    /** The document's own period, which it is stored under; the reader says what is wrong when there is none. */
    private static String periodOf(String document) {
        try {
            JsonNode period = Json.PLAIN.readTree(document).get("period");
            return period != null && period.isString() ? period.stringValue() : "";
        } catch (JacksonException e) {
            return "";
        }
    }

    /** Each problem with the ledger line it names, so that the person sees the line itself beside it. */
    static List<Problem> ledgerProblems(List<String> problems, String csv) {
        String[] lines = csv.split("\r?\n", -1);
        List<Problem> shown = new ArrayList<>();
        for (String problem : problems) {
            Matcher matcher = LINE.matcher(problem);
            if (matcher.matches()) {
                int line = Integer.parseInt(matcher.group(1));
                shown.add(new Problem("line " + line, problem.substring(matcher.end(1)).replaceFirst("^:\\s*", ""),
                        line <= lines.length ? lines[line - 1] : null));
            } else {
                shown.add(new Problem(null, problem, null));
            }
        }
        return shown;
    }
}
