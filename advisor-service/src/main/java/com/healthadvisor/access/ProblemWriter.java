package com.healthadvisor.access;

import com.healthadvisor.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/** Writes a problem detail from places outside Spring MVC (the security filters). */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        Json.PROBLEM.writeValue(response.getOutputStream(), problem);
    }
}
