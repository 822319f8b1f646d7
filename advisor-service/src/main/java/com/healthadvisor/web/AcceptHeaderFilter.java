package com.healthadvisor.web;

import com.healthadvisor.access.ProblemWriter;
import com.healthadvisor.snapshot.Echo;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * An Accept header that does not parse ({@code text/html;q=abc}) is the client's mistake: a 400 problem
 * that says so, where content negotiation would answer an empty 406.
 */
@Component
class AcceptHeaderFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                ProblemWriter.write(response, HttpStatus.BAD_REQUEST, "the Accept header is not valid: "
                        + Echo.message(e.getMessage().replaceAll("\\s+", " ")));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
