package com.healthadvisor.access;

import com.healthadvisor.settings.AdvisorProperties;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who may do what: changing rules needs {@code Authorization: Bearer <token>} of the admin
 * ({@code advisor.admin-token}) or of an editor ({@code advisor.editors}: analysts change benchmarks, limits and
 * wording, admins DRL too), and is refused outright (403) when neither is configured; diagnosing is open unless
 * {@code advisor.api-keys} is set, then it needs {@code X-API-Key}. Tokens are checked by Spring
 * Security's own {@link AuthenticationFilter} with a converter and a constant-time comparison.
 *
 * <p>Who may call what is {@link AccessRules#API}, and nothing it does not name: authorization is decided on the
 * path the router matches (Spring's path patterns read the decoded, normalized path, so {@code
 * /api/v1/rules/file%73/x.drl} is a rule change like {@code /files/x.drl}), and the firewall refuses encoded
 * slashes, dots, percent signs and {@code ;} parameters outright.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurity {

    /** The authority of an API key's holder: it may diagnose, nothing else. */
    static final String CLIENT = "CLIENT";
    private static final String BEARER = "bearer";
    private static final String API_KEY = "api-key";
    /** Anything but reading on the rules API changes rules, whatever comes after the prefix. */
    static final RequestMatcher RULE_CHANGES = new OrRequestMatcher(Stream.of(HttpMethod.PUT, HttpMethod.POST,
                    HttpMethod.DELETE, HttpMethod.PATCH)
            .map(method -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(method, "/api/v1/rules/**"))
            .toList());
    private static final String CHANGES_DISABLED = "rule changes over HTTP are disabled: no admin token or editor "
            + "is configured (set ADVISOR_ADMIN_TOKEN or advisor.editors)";

    /**
     * What the API's chain guards with tokens; everything else is the workbench, behind its sign-in. Told apart on
     * the decoded, lower-cased path, as the router reads it: {@code /%61pi/v1/companies} is the API, whatever a
     * workbench session may do, and {@code /API/v1/rules} meets the API's answers (a 404 problem), not a sign-in
     * page. The firewall has refused encoded slashes, dots and percent signs before this.
     */
    static final RequestMatcher API = request -> {
        String path = UriUtils.decode(request.getRequestURI().substring(request.getContextPath().length()),
                StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
        return Stream.of("/api/", "/actuator", "/v3/api-docs", "/swagger-ui", "/error").anyMatch(path::startsWith);
    };

    @Bean
    @Order(1)
    SecurityFilterChain securityFilterChain(HttpSecurity http, AdvisorProperties properties) throws Exception {
        AuthenticationFilter tokens = new AuthenticationFilter(authenticationManager(properties), converter());
        tokens.setSuccessHandler((request, response, authentication) -> { });
        tokens.setFailureHandler((request, response, e) -> {
            if (changesDisabled(request, properties)) {
                ProblemWriter.write(response, HttpStatus.FORBIDDEN, CHANGES_DISABLED);
                return;
            }
            ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, e.getMessage());
        });
        http.securityMatcher(API)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .addFilterBefore(tokens, AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> {
                    // A rule change answers from its own thread; the request was authorized when it came in.
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
                    AccessRules.authorize(requests, AccessRules.API, !properties.apiKeys().isEmpty());
                })
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint(properties))
                        .accessDeniedHandler((request, response, e) -> {
                            if (!unnamed(request, response)) {
                                ProblemWriter.write(response, HttpStatus.FORBIDDEN, "this token may not do that");
                            }
                        }));
        return http.build();
    }

    /** With no admin token configured, no token can change rules: a guessed one is refused like none at all. */
    private static boolean changesDisabled(HttpServletRequest request, AdvisorProperties properties) {
        return !properties.allowsRuleChanges() && RULE_CHANGES.matches(request);
    }

    /**
     * Spring Security observes nothing: it would wrap each of its filters of every request in an observation (and
     * authentication and authorization in theirs), for traces nobody collects here, about 3% of a diagnosis's time
     * even with those observations switched off. Requests are still timed as a whole in http.server.requests.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** A request the firewall refuses (an encoded slash, a {@code ;} parameter, {@code ..}) is a 400 problem. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> ProblemWriter.write(response, HttpStatus.BAD_REQUEST,
                "the request path is not allowed: no encoded slashes, dots or percent signs, no ; parameters");
    }

    /**
     * A request no rule names is refused to everyone; told as what it is, no such path (404) or no such method on
     * one (405), rather than as a missing token. True when it answered.
     */
    private static boolean unnamed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return switch (AccessRules.naming(request, AccessRules.API)) {
            case METHOD_AND_PATH -> false;
            case PATH -> {
                ProblemWriter.write(response, HttpStatus.METHOD_NOT_ALLOWED, "this path does not take "
                        + request.getMethod() + ": see the API's description at /v3/api-docs");
                yield true;
            }
            case NOTHING -> {
                ProblemWriter.write(response, HttpStatus.NOT_FOUND, "nothing here: see the API's description at "
                        + "/v3/api-docs");
                yield true;
            }
        };
    }

    private static AuthenticationEntryPoint entryPoint(AdvisorProperties properties) {
        return (request, response, e) -> {
            if (unnamed(request, response)) {
                return;
            }
            if (changesDisabled(request, properties)) {
                ProblemWriter.write(response, HttpStatus.FORBIDDEN, CHANGES_DISABLED);
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, RULE_CHANGES.matches(request)
                    ? "rule changes need Authorization: Bearer <token of an editor>"
                    : request.getRequestURI().startsWith("/api/v1/companies")
                    ? "the company memory needs Authorization: Bearer <token of a viewer, analyst or admin>"
                    : request.getRequestURI().startsWith("/actuator/")
                    ? "the meters need Authorization: Bearer <token of a viewer, analyst or admin>"
                    : "diagnosing needs an X-API-Key header");
        };
    }

    private static AuthenticationConverter converter() {
        return request -> {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return UsernamePasswordAuthenticationToken.unauthenticated(BEARER, authorization.substring(7).trim());
            }
            String apiKey = request.getHeader("X-API-Key");
            return apiKey == null ? null : UsernamePasswordAuthenticationToken.unauthenticated(API_KEY, apiKey.trim());
        };
    }

    /**
     * The admin token gives the actor {@code admin}; an editor's token its name and role, found by its SHA-256 (the
     * only form the settings hold); an API key a client that may diagnose.
     */
    private static AuthenticationManager authenticationManager(AdvisorProperties properties) {
        return authentication -> {
            String secret = String.valueOf(authentication.getCredentials());
            if (BEARER.equals(authentication.getPrincipal())) {
                if (properties.hasAdminToken() && same(secret, properties.adminToken())) {
                    return editor("admin", Role.ADMIN);
                }
                String hash = sha256(secret);
                for (AdvisorProperties.Editor editor : properties.editors()) {
                    if (same(hash, editor.tokenSha256())) {
                        return editor(editor.name(), Role.of(editor.role()));
                    }
                }
            }
            if (API_KEY.equals(authentication.getPrincipal())
                    && properties.apiKeys().stream().anyMatch(key -> same(secret, key))) {
                return UsernamePasswordAuthenticationToken.authenticated(API_KEY, null,
                        AuthorityUtils.createAuthorityList("ROLE_" + CLIENT));
            }
            throw new BadCredentialsException(BEARER.equals(authentication.getPrincipal())
                    ? "the bearer token is not valid" : "the API key is not valid");
        };
    }

    private static UsernamePasswordAuthenticationToken editor(String name, Role role) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null, role.authorities());
    }

    /** A token's SHA-256 in hex: the only form the settings hold an editor's token in. */
    public static String sha256(String secret) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
