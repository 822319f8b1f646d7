package com.healthadvisor.web;

import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Times {@code POST /api/v1/diagnoses} from the first byte read to the answer written, tagged by what came in
 * (a snapshot, or a ledger as {@code text/csv}), the format content negotiation picked (from the answer's
 * Content-Type) and the outcome (from its status: 2xx ok, 4xx invalid, else failed).
 */
final class DiagnosisTiming implements HandlerInterceptor {

    private static final String SAMPLE = DiagnosisTiming.class.getName() + ".sample";

    private final AdvisorMeters meters;

    DiagnosisTiming(AdvisorMeters meters) {
        this.meters = meters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(SAMPLE, meters.startTiming());
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (request.getAttribute(SAMPLE) instanceof Timer.Sample sample) {
            meters.diagnosed(sample, input(request), format(response), outcome(response, failure));
        }
    }

    private static String input(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("text/csv") ? "ledger" : "snapshot";
    }

    /** The name the meters and the CLI give a format; a problem document counts as JSON. */
    static String format(HttpServletResponse response) {
        String type = response.getContentType();
        String subtype = type == null ? "json" : MediaType.parseMediaType(type).getSubtype();
        return switch (subtype) {
            case "html", "markdown", "pdf" -> subtype;
            default -> "json";
        };
    }

    private static String outcome(HttpServletResponse response, Exception failure) {
        int status = response.getStatus();
        if (failure == null && status < 400) {
            return "ok";
        }
        return status >= 400 && status < 500 ? "invalid" : "failed";
    }
}
