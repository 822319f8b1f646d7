package com.healthadvisor.web.workbench;

import com.healthadvisor.diagnosis.Advisor;
import com.healthadvisor.snapshot.Figures;
import com.healthadvisor.snapshot.Snapshot;
import org.springframework.web.util.UriUtils;
import com.healthadvisor.company.ChangeWords;
import com.healthadvisor.company.CompanyMemory;
import com.healthadvisor.company.NoSuchPeriodException;
import com.healthadvisor.company.TimelineEntry;
import com.healthadvisor.live.ActiveRuleSet;
import com.healthadvisor.report.PeriodChanges;
import com.healthadvisor.report.Reports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Each company's timeline, and the report of any of its periods with its downloads. */
@Controller
class CompanyPages {

    private final CompanyMemory memory;
    private final ActiveRuleSet active;
    private final Advisor advisor;

    CompanyPages(CompanyMemory memory, ActiveRuleSet active, Advisor advisor) {
        this.memory = memory;
        this.active = active;
        this.advisor = advisor;
    }

    @GetMapping("/companies/{company}")
    String timeline(@PathVariable String company, Model model) {
        List<TimelineEntry> periods = memory.timeline(company);
        if (periods.isEmpty()) {
            throw NoSuchPeriodException.noCompany(company);
        }
        TimelineEntry newest = periods.get(periods.size() - 1);
        model.addAttribute("company", company);
        model.addAttribute("periods", periods);
        model.addAttribute("titles", Titles.of(active.current()));
        model.addAttribute("newest", newest);
        CompanyMemory.Diagnosed latest = diagnosed(company, newest.period());
        List<TimelineEntry> charted = withHistory(periods, latest);
        SmallChart.Context context = new SmallChart.Context(latest.result().currency(), latest.result().stage(),
                latest.snapshot().profile().market(), latest.snapshot().periodicity().word());
        model.addAttribute("charts", SmallChart.CHARTED.stream()
                .map(code -> SmallChart.of(code, charted, active.current().benchmarks(), context,
                        period -> "/companies/" + UriUtils.encodePathSegment(company, StandardCharsets.UTF_8)
                                + "/periods/" + UriUtils.encodePathSegment(period, StandardCharsets.UTF_8)))
                .filter(chart -> chart != null).toList());
        model.addAttribute("fromHistory", charted.size() - periods.size());
        PeriodChanges since = since(company, latest);
        model.addAttribute("since", since);
        model.addAttribute("sinceGroups", since == null ? List.of() : Stream.of(
                        new ChangeGroup("New", since.added()), new ChangeGroup("Worse", since.worse()),
                        new ChangeGroup("Better", since.better()), new ChangeGroup("Resolved", since.resolved()))
                .filter(group -> !group.lines().isEmpty()).toList());
        return "timeline";
    }

    /**
     * The stored periods, and before and between them the months the newest period's snapshot carried as history
     * without their being stored: each diagnosed as it was sent, with the months before it as its history.
     */
    private List<TimelineEntry> withHistory(List<TimelineEntry> periods, CompanyMemory.Diagnosed latest) {
        Set<String> stored = periods.stream().map(TimelineEntry::period).collect(Collectors.toSet());
        Snapshot snapshot = latest.snapshot();
        List<Figures> history = snapshot.history();
        List<TimelineEntry> all = new ArrayList<>(periods);
        for (int i = 0; i < history.size(); i++) {
            Figures month = history.get(i);
            if (month.period() == null || stored.contains(month.period())) {
                continue;
            }
            Snapshot asSent = new Snapshot(snapshot.company(), month.period(), snapshot.periodicity(),
                    snapshot.currency(), snapshot.profile(), month, Map.of(), history.subList(0, i), List.of(),
                    List.of(), List.of());
            all.add(TimelineEntry.of(advisor.diagnose(asSent, active.current(), List.of()), null, 0, null));
        }
        all.sort(Comparator.comparing(TimelineEntry::period));
        return all;
    }

    public record ChangeGroup(String name, List<PeriodChanges.Line> lines) {
    }

    @GetMapping("/companies/{company}/periods/{period}")
    String report(@PathVariable String company, @PathVariable String period, Model model) {
        CompanyMemory.Diagnosed diagnosed = diagnosed(company, period);
        model.addAttribute("company", company);
        model.addAttribute("period", period);
        model.addAttribute("revision", diagnosed.stored().revision());
        model.addAttribute("ruleSet", diagnosed.result().ruleSet().version());
        model.addAttribute("report", Reports.html(diagnosed.result(), diagnosed.snapshot(), active.current(), true,
                since(company, diagnosed)));
        model.addAttribute("embedLink", ServletUriComponentsBuilder.fromCurrentRequestUri().path("/report.html")
                .toUriString());
        return "report";
    }

    @GetMapping("/companies/{company}/periods/{period}/report.{format}")
    ResponseEntity<byte[]> download(@PathVariable String company, @PathVariable String period,
                                    @PathVariable String format) {
        CompanyMemory.Diagnosed diagnosed = diagnosed(company, period);
        PeriodChanges since = since(company, diagnosed);
        var result = diagnosed.result();
        var snapshot = diagnosed.snapshot();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        return switch (format) {
            case "md" -> attachment(response, company, period, format, MediaType.parseMediaType(
                    "text/markdown;charset=UTF-8"), Reports.markdown(result, snapshot, active.current(), since)
                    .getBytes(StandardCharsets.UTF_8));
            // The HTML report opens in the browser: that is the link to embed.
            case "html" -> response.contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                    .body(Reports.html(result, snapshot, active.current(), false, since)
                            .getBytes(StandardCharsets.UTF_8));
            case "pdf" -> attachment(response, company, period, format, MediaType.APPLICATION_PDF,
                    Reports.pdf(result, snapshot, active.current(), since));
            default -> throw new NoSuchPeriodException("no report as ." + format + ": .md, .html or .pdf");
        };
    }

    private static ResponseEntity<byte[]> attachment(ResponseEntity.BodyBuilder response, String company,
                                                     String period, String format, MediaType type, byte[] body) {
        return response.contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(company + "-" + period + "." + format, StandardCharsets.UTF_8).build().toString()).body(body);
    }

    private CompanyMemory.Diagnosed diagnosed(String company, String period) {
        return memory.stored(company, period).orElseThrow(() -> new NoSuchPeriodException(
                "company \"" + company + "\" has no stored period " + period));
    }

    /** What changed since the period before, in the report's words; null for a company's first period. */
    private PeriodChanges since(String company, CompanyMemory.Diagnosed diagnosed) {
        return memory.sinceLast(company, diagnosed.stored())
                .map(changes -> ChangeWords.of(changes, diagnosed.result().currency())).orElse(null);
    }
}
