package com.healthadvisor.web;

import com.healthadvisor.access.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * While the database does not answer ({@link DatabaseWatch}), what needs it is refused at once with a 503 problem
 * and {@code Retry-After}, instead of waiting on a connection: the company memory, notifications, and rule
 * changes and history. Diagnosing, reading the active rules, health and the API's description go on.
 */
class DatabaseGate extends OncePerRequestFilter {

    private static final List<String> STORED = List.of("/api/v1/companies", "/api/v1/notifications",
            "/api/v1/rules/versions", "/api/v1/rules/audit");
    private static final int RETRY_AFTER_SECONDS = 5;

    private final DatabaseWatch watch;

    DatabaseGate(DatabaseWatch watch) {
        this.watch = watch;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (needsTheDatabase(request)) {
            try {
                watch.requireAnswering();
            } catch (DatabaseWatch.DatabaseUnavailableException e) {
                response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
                ProblemWriter.write(response, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean needsTheDatabase(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean ruleChange = path.startsWith("/api/v1/rules/") && !"GET".equals(request.getMethod())
                && !"HEAD".equals(request.getMethod());
        return ruleChange || STORED.stream().anyMatch(path::startsWith);
    }
}
