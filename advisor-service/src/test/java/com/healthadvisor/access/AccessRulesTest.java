package com.healthadvisor.access;

import com.healthadvisor.web.SharedService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every handler Spring maps, the service's own, Spring's error page, the API's description and the actuator's
 * endpoints, has an explicit rule in {@link AccessRules}: a handler added without one fails here (and the chains
 * would refuse it to everyone). And every rule still names something the service answers.
 */
class AccessRulesTest extends SharedService {

    /** Answered by filters and resources rather than handlers: the sign-in form's POST, the pages' files. */
    private static final Set<String> NOT_HANDLERS = Set.of("GET /assets/**", "GET /favicon.ico",
            "GET /swagger-ui/**", "GET /actuator/health/**", "GET /actuator/metrics/**");

    @Autowired
    ApplicationContext context;

    @Test
    void everyMappedHandlerHasAnExplicitRule() {
        List<String> mapped = mapped();
        assertThat(mapped).as("handlers found").hasSizeGreaterThan(40);

        List<String> withoutRule = mapped.stream().filter(operation -> rulesCovering(operation).isEmpty()).toList();

        assertThat(withoutRule).as("handlers no rule of AccessRules names").isEmpty();
    }

    @Test
    void everyRuleNamesSomethingTheServiceAnswers() {
        List<String> mapped = mapped();
        List<String> stale = new ArrayList<>();
        for (AccessRules.Rule rule : all()) {
            String name = (rule.method() == null ? "*" : rule.method().name()) + " " + rule.pattern();
            boolean answered = NOT_HANDLERS.contains(name) || mapped.stream()
                    .anyMatch(operation -> rulesCovering(operation).contains(rule));
            if (!answered) {
                stale.add(name);
            }
        }
        assertThat(stale).as("rules no handler answers").isEmpty();
    }

    /** What no rule names is refused to everyone, and said as what it is: no such path, or no such method on one. */
    @Test
    void anUnnamedRequestIsRefusedAsNotFoundOrNotAllowedWhoeverAsks() throws Exception {
        String[] admin = SharedService.ADMIN;
        assertThat(send("GET", "/api/v1/nothing-here")).isEqualTo(404);
        assertThat(send("GET", "/api/v1/nothing-here", admin)).isEqualTo(404);
        assertThat(send("PATCH", "/api/v1/rules/files/limits.csv", admin)).isEqualTo(405);
        assertThat(send("POST", "/api/v1/companies/acme/timeline", admin)).isEqualTo(405);
        assertThat(send("GET", "/actuator/env", admin)).as("an actuator endpoint not named").isEqualTo(404);
    }

    @Test
    void aGetRuleTakesHeadAsALoadBalancerSendsIt() throws Exception {
        assertThat(send("HEAD", "/actuator/health")).isEqualTo(200);
        assertThat(send("HEAD", "/api/v1/rules")).isEqualTo(200);
        assertThat(send("HEAD", "/api/v1/companies")).as("still a viewer's").isEqualTo(401);
    }

    private int send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Each handler as {@code METHOD /pattern}, one per method and pattern; a handler for every method as {@code *}. */
    private List<String> mapped() {
        Set<String> operations = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        operations.add("* " + pattern);
                    }
                    methods.forEach(method -> operations.add(method.name() + " " + pattern));
                }
            }
        }
        return List.copyOf(operations);
    }

    /** The rules whose method and pattern take in this operation, with its variables filled in. */
    private static List<AccessRules.Rule> rulesCovering(String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{\\*?(\\w+)(:[^}]*)?}", "$1");
        return all().stream()
                .filter(rule -> rule.method() == null ? true : rule.method().name().equals(method))
                .filter(rule -> PathPatternParser.defaultInstance.parse(rule.pattern())
                        .matches(PathContainer.parsePath(path)))
                .toList();
    }

    private static List<AccessRules.Rule> all() {
        List<AccessRules.Rule> all = new ArrayList<>(AccessRules.API);
        all.addAll(AccessRules.WORKBENCH);
        return all;
    }
}
