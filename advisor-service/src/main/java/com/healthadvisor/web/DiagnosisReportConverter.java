package com.healthadvisor.web;

import com.healthadvisor.report.Reports;
import com.healthadvisor.report.ResultJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link DiagnosisReport} in the media type content negotiation chose from the handler's
 * {@code produces} and the client's Accept header: JSON, or the report as Markdown, HTML or PDF.
 */
final class DiagnosisReportConverter extends AbstractHttpMessageConverter<DiagnosisReport> {

    private static final MediaType MARKDOWN = MediaType.parseMediaType(DiagnosisReport.MARKDOWN);

    DiagnosisReportConverter() {
        super(MediaType.APPLICATION_JSON, MARKDOWN,
                MediaType.TEXT_HTML, MediaType.APPLICATION_PDF);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return DiagnosisReport.class.equals(type);
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    protected DiagnosisReport readInternal(Class<? extends DiagnosisReport> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("a diagnosis is written, never read", input);
    }

    /** The reports are text in UTF-8 and say so; JSON and PDF carry no charset. */
    @Override
    protected void addDefaultHeaders(HttpHeaders headers, DiagnosisReport report, MediaType type) throws IOException {
        boolean text = type != null && "text".equals(type.getType()) && type.getCharset() == null;
        super.addDefaultHeaders(headers, report, text ? new MediaType(type, StandardCharsets.UTF_8) : type);
    }

    /** Bytes with their length: the report is rendered once, and the client knows how much is coming. */
    @Override
    protected void writeInternal(DiagnosisReport report, HttpOutputMessage output) throws IOException {
        byte[] body = render(report, output.getHeaders().getContentType());
        output.getHeaders().setContentLength(body.length);
        output.getBody().write(body);
    }

    private static byte[] render(DiagnosisReport report, MediaType type) {
        if (MediaType.TEXT_HTML.isCompatibleWith(type)) {
            return utf8(Reports.html(report.result(), report.snapshot(), report.ruleSet(), report.fragment(),
                    report.since().get()));
        }
        if (MARKDOWN.isCompatibleWith(type)) {
            return utf8(Reports.markdown(report.result(), report.snapshot(), report.ruleSet(), report.since().get()));
        }
        if (MediaType.APPLICATION_PDF.isCompatibleWith(type)) {
            return Reports.pdf(report.result(), report.snapshot(), report.ruleSet(), report.since().get());
        }
        return ResultJson.writeCompact(report.result());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
