package com.healthadvisor.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.List;
import java.util.Optional;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call what: every path the service answers, by method, with the least role it needs. The two security
 * chains are built from these tables and refuse whatever they do not name; the API's description states them;
 * {@code AccessRulesTest} fails when a handler Spring maps has no rule here. Which rule files an editor may change
 * is decided per file, once the request is in ({@link RuleChangeRights}).
 *
 * <p>Paths are Spring's path patterns, matched on the decoded, normalized path the router reads: {@code
 * /api/v1/rules/file%73/x.drl} meets the rule of {@code /api/v1/rules/files/{name}}.
 */
public final class AccessRules {

    /** What a rule asks of the caller. */
    public enum Access {
        /** Anyone, signed in or not. */
        ANYONE,
        /** Anyone, unless {@code advisor.api-keys} is set: then an API key's holder or an admin. */
        DIAGNOSING,
        VIEWER,
        ANALYST,
        ADMIN;

        /** The role it needs; null for {@link #ANYONE} and {@link #DIAGNOSING}. */
        public Role role() {
            return switch (this) {
                case ANYONE, DIAGNOSING -> null;
                case VIEWER -> Role.VIEWER;
                case ANALYST -> Role.ANALYST;
                case ADMIN -> Role.ADMIN;
            };
        }
    }

    /**
     * @param method the request's method; null for every method
     * @param path   the pattern as the chains match it, made once
     */
    public record Rule(HttpMethod method, String pattern, Access access, RequestMatcher path) {

        /** Its method on its path; a GET takes HEAD too, as Spring MVC answers it (a load balancer's probe). */
        private RequestMatcher matcher() {
            return method == null ? path : request -> takes(request.getMethod()) && path.matches(request);
        }

        private boolean takes(String requestMethod) {
            return method == null || method.matches(requestMethod)
                    || method == HttpMethod.GET && HttpMethod.HEAD.matches(requestMethod);
        }
    }

    /** How much of a request a table names: its method on its path, its path only, or nothing. */
    enum Naming { METHOD_AND_PATH, PATH, NOTHING }

    /** The HTTP API, with tokens and keys ({@link ApiSecurity}). */
    public static final List<Rule> API = List.of(
            rule(POST, "/api/v1/diagnoses", Access.DIAGNOSING),

            rule(GET, "/api/v1/rules", Access.ANYONE),
            rule(GET, "/api/v1/rules/files/{name}", Access.ANYONE),
            rule(GET, "/api/v1/rules/versions", Access.ANYONE),
            rule(GET, "/api/v1/rules/versions/{id}", Access.ANYONE),
            rule(GET, "/api/v1/rules/versions/{id}/diff", Access.ANYONE),
            // Changes: an analyst or an admin, and then per file (RuleChangeRights).
            rule(PUT, "/api/v1/rules/files/{name}", Access.ANALYST),
            rule(DELETE, "/api/v1/rules/files/{name}", Access.ANALYST),
            rule(POST, "/api/v1/rules/validate", Access.ANALYST),
            rule(POST, "/api/v1/rules/preview", Access.ANALYST),
            rule(POST, "/api/v1/rules/previews/{id}/apply", Access.ANALYST),
            rule(POST, "/api/v1/rules/versions/{id}/restore", Access.ANALYST),
            rule(GET, "/api/v1/rules/audit", Access.ANALYST),

            // The company memory: a viewer reads, an analyst stores, an admin deletes.
            rule(GET, "/api/v1/companies", Access.VIEWER),
            rule(GET, "/api/v1/companies/{company}/snapshots/{period}", Access.VIEWER),
            rule(GET, "/api/v1/companies/{company}/timeline", Access.VIEWER),
            rule(GET, "/api/v1/companies/{company}/diagnoses/{period}", Access.VIEWER),
            rule(GET, "/api/v1/companies/{company}/changes", Access.VIEWER),
            rule(GET, "/api/v1/companies/{company}/export", Access.VIEWER),
            rule(GET, "/api/v1/companies/rediagnose/{id}", Access.VIEWER),
            rule(PUT, "/api/v1/companies/{company}/snapshots/{period}", Access.ANALYST),
            rule(POST, "/api/v1/companies/{company}/ledger", Access.ANALYST),
            rule(POST, "/api/v1/companies/{company}/imports/{source}", Access.ANALYST),
            rule(POST, "/api/v1/companies/rediagnose", Access.ANALYST),
            rule(DELETE, "/api/v1/companies/{company}", Access.ADMIN),

            // Notifications: analysts and admins say who gets what and what stays quiet.
            rule(GET, "/api/v1/notifications/subscriptions", Access.ANALYST),
            rule(POST, "/api/v1/notifications/subscriptions", Access.ANALYST),
            rule(DELETE, "/api/v1/notifications/subscriptions/{id}", Access.ANALYST),
            rule(GET, "/api/v1/notifications/silences", Access.ANALYST),
            rule(POST, "/api/v1/notifications/silences", Access.ANALYST),
            rule(DELETE, "/api/v1/notifications/silences/{id}", Access.ANALYST),
            rule(POST, "/api/v1/notifications/acknowledgements", Access.ANALYST),
            rule(GET, "/api/v1/notifications/outbox", Access.ANALYST),
            rule(POST, "/api/v1/notifications/outbox/{id}/retry", Access.ANALYST),

            // Health and the build's info stay open for load balancers and people; meters describe the host and
            // its traffic, so a scraper gets a viewer's token.
            rule(GET, "/actuator", Access.ANYONE),
            rule(GET, "/actuator/health", Access.ANYONE),
            rule(GET, "/actuator/health/**", Access.ANYONE),
            rule(GET, "/actuator/info", Access.ANYONE),
            rule(GET, "/actuator/prometheus", Access.VIEWER),
            rule(GET, "/actuator/metrics", Access.VIEWER),
            rule(GET, "/actuator/metrics/**", Access.VIEWER),

            // The API's description and Swagger UI.
            rule(GET, "/v3/api-docs", Access.ANYONE),
            rule(GET, "/v3/api-docs/**", Access.ANYONE),
            rule(GET, "/v3/api-docs.yaml", Access.ANYONE),
            rule(GET, "/swagger-ui.html", Access.ANYONE),
            rule(GET, "/swagger-ui/**", Access.ANYONE),

            // Where Spring sends an error to be written as a problem, whatever the method was.
            rule(null, "/error", Access.ANYONE));

    /** The workbench, behind its sign-in ({@link WorkbenchSecurity}). */
    public static final List<Rule> WORKBENCH = List.of(
            // The refusal page too: a form posted with a stale CSRF token lands there before any sign-in.
            rule(GET, "/login", Access.ANYONE),
            rule(null, "/denied", Access.ANYONE),
            rule(GET, "/assets/**", Access.ANYONE),
            rule(GET, "/favicon.ico", Access.ANYONE),

            rule(GET, "/", Access.VIEWER),
            rule(GET, "/companies/{company}", Access.VIEWER),
            rule(GET, "/companies/{company}/periods/{period}", Access.VIEWER),
            rule(GET, "/companies/{company}/periods/{period}/report.{format}", Access.VIEWER),
            rule(GET, "/submit", Access.VIEWER),
            rule(POST, "/submit/file", Access.ANALYST),
            rule(POST, "/submit/form", Access.ANALYST),

            rule(GET, "/rules", Access.VIEWER),
            rule(GET, "/rules/wording", Access.VIEWER),
            rule(GET, "/rules/wording/{code}", Access.VIEWER),
            rule(GET, "/rules/files", Access.VIEWER),
            rule(GET, "/rules/files/{name}", Access.VIEWER),
            rule(GET, "/rules/previews/{id}", Access.VIEWER),
            rule(GET, "/rules/versions", Access.VIEWER),
            rule(GET, "/rules/versions/{id}", Access.VIEWER),
            rule(GET, "/rules/audit", Access.ANALYST),
            // Changes: an analyst or an admin, and then per file (RuleChangeRights).
            rule(POST, "/rules/bands", Access.ANALYST),
            rule(POST, "/rules/wording/{code}", Access.ANALYST),
            rule(POST, "/rules/files/{name}", Access.ANALYST),
            rule(POST, "/rules/files/{name}/check", Access.ANALYST),
            rule(POST, "/rules/previews/{id}/apply", Access.ANALYST),
            rule(POST, "/rules/versions/{id}/restore", Access.ANALYST),

            // Notifications: analysts say who gets what and what stays quiet.
            rule(GET, "/notifications", Access.ANALYST),
            rule(POST, "/notifications/subscriptions", Access.ANALYST),
            rule(POST, "/notifications/subscriptions/{id}/delete", Access.ANALYST),
            rule(POST, "/notifications/silences", Access.ANALYST),
            rule(POST, "/notifications/silences/{id}/end", Access.ANALYST),
            rule(POST, "/notifications/outbox/{id}/retry", Access.ANALYST),

            // People: each changes their own password; an admin adds, disables and gives roles.
            rule(GET, "/account", Access.VIEWER),
            rule(POST, "/account/password", Access.VIEWER),
            rule(GET, "/users", Access.ADMIN),
            rule(POST, "/users", Access.ADMIN),
            rule(POST, "/users/{name}", Access.ADMIN));

    private AccessRules() {
    }

    private static Rule rule(HttpMethod method, String pattern, Access access) {
        return new Rule(method, pattern, access, PathPatternRequestMatcher.withDefaults().matcher(pattern));
    }

    /**
     * A chain's authorizations from a table, in its order, and a refusal for everything else.
     *
     * @param apiKeys whether {@code advisor.api-keys} is set, so that diagnosing needs a key
     */
    static void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
                                  requests, List<Rule> rules, boolean apiKeys) {
        for (Rule rule : rules) {
            var matched = requests.requestMatchers(rule.matcher());
            switch (rule.access()) {
                case ANYONE -> matched.permitAll();
                case DIAGNOSING -> {
                    if (apiKeys) {
                        matched.hasAnyRole(ApiSecurity.CLIENT, Role.ADMIN.name());
                    } else {
                        matched.permitAll();
                    }
                }
                default -> matched.hasRole(rule.access().role().name());
            }
        }
        requests.anyRequest().denyAll();
    }

    /** How much of a request a table names, on the decoded, normalized path, as the chains match it. */
    static Naming naming(HttpServletRequest request, List<Rule> rules) {
        Naming naming = Naming.NOTHING;
        for (Rule rule : rules) {
            if (rule.path().matches(request)) {
                if (rule.takes(request.getMethod())) {
                    return Naming.METHOD_AND_PATH;
                }
                naming = Naming.PATH;
            }
        }
        return naming;
    }

    /** The API's rule for one operation as its handler is mapped: its method and its pattern, exactly. */
    public static Optional<Rule> apiRule(String method, String pattern) {
        return API.stream().filter(rule -> rule.pattern().equals(pattern)
                && (rule.method() == null || rule.method().name().equals(method))).findFirst();
    }
}
