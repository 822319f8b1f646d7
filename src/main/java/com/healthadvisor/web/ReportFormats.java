package com.healthadvisor.web;

import com.healthadvisor.diagnosis.DiagnosisResult;
import com.healthadvisor.report.PeriodChanges;
import com.healthadvisor.report.Reports;
import com.healthadvisor.report.ResultJson;
import com.healthadvisor.ruleset.RuleSet;
import com.healthadvisor.snapshot.Snapshot;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** A diagnosis in the format the client's Accept header prefers: JSON, or the report as Markdown, HTML or PDF. */
final class ReportFormats {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON, MARKDOWN, HTML, PDF);

    private ReportFormats() {
    }

    /** The first of the offered formats that the Accept header lists, by quality; JSON for {@code *}{@code /*}. */
    static MediaType preferred(String accept) {
        if (accept == null || accept.isBlank()) {
            return MediaType.APPLICATION_JSON;
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(accepted);
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            for (MediaType offered : OFFERED) {
                if (type.isCompatibleWith(offered)) {
                    return offered;
                }
            }
        }
        return MediaType.APPLICATION_JSON;
    }

    /** The name the meters and the CLI give the format. */
    static String name(MediaType format) {
        return format.equals(HTML) ? "html" : format.equals(MARKDOWN) ? "markdown" : format.equals(PDF) ? "pdf"
                : "json";
    }

    /** Bytes, not a String: a String body is encoded twice, once to count its length and once to send it. */
    static byte[] body(MediaType format, DiagnosisResult result, Snapshot snapshot, RuleSet ruleSet, boolean fragment,
                       PeriodChanges since) {
        return switch (name(format)) {
            case "html" -> utf8(Reports.html(result, snapshot, ruleSet, fragment, since));
            case "markdown" -> utf8(Reports.markdown(result, snapshot, ruleSet, since));
            case "pdf" -> Reports.pdf(result, snapshot, ruleSet, since);
            default -> ResultJson.writeCompact(result);
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
