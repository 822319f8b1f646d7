package com.healthadvisor.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints an OpenAPI 3 description in the JVM: swagger-parser reads it as the specification says (its structure, and
 * every {@code $ref} resolving), then the rules a linter's recommended set holds as errors and that a client
 * generator trips on: each operation with a unique operation id, a summary, a success and a client-error
 * response, and security; path parameters declared and used; no trailing slash, no two paths that differ only in
 * a parameter's name, no parameter twice; enum values of their schema's type; no component schema nobody uses.
 */
final class ApiDescriptionLint {

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern SCHEMA_REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"");

    private ApiDescriptionLint() {
    }

    /** Every problem found, one line each naming where; empty when the description passes. */
    static List<String> problems(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
        List<String> problems = new ArrayList<>(parsed.getMessages() == null ? List.of() : parsed.getMessages());
        OpenAPI api = parsed.getOpenAPI();
        if (api == null) {
            problems.add("not an OpenAPI 3 description");
            return problems;
        }
        if (api.getPaths() == null || api.getPaths().isEmpty()) {
            problems.add("paths: none");
            return problems;
        }
        Set<String> schemes = api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
                ? Set.of() : api.getComponents().getSecuritySchemes().keySet();
        Map<String, String> operationIds = new HashMap<>();
        Map<String, String> shapes = new HashMap<>();
        api.getPaths().forEach((path, item) -> {
            if (path.length() > 1 && path.endsWith("/")) {
                problems.add(path + ": a trailing slash");
            }
            String shape = TEMPLATE.matcher(path).replaceAll("{}");
            String same = shapes.putIfAbsent(shape, path);
            if (same != null) {
                problems.add(path + ": the same path as " + same + " but for a parameter's name");
            }
            item.readOperationsMap().forEach((method, operation) -> operation(api, path, item, method, operation,
                    schemes, operationIds, problems));
        });
        unusedSchemas(api, json, problems);
        enumsOfTheirType(api, problems);
        return problems;
    }

    private static void operation(OpenAPI api, String path, PathItem item, PathItem.HttpMethod method,
                                  Operation operation, Set<String> schemes, Map<String, String> operationIds,
                                  List<String> problems) {
        String where = method + " " + path;
        if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
            problems.add(where + ": no operationId");
        } else {
            String earlier = operationIds.putIfAbsent(operation.getOperationId(), where);
            if (earlier != null) {
                problems.add(where + ": operationId " + operation.getOperationId() + " is also " + earlier + "'s");
            }
        }
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            problems.add(where + ": no summary");
        }
        Set<String> codes = operation.getResponses() == null ? Set.of() : operation.getResponses().keySet();
        if (codes.stream().noneMatch(code -> code.startsWith("2") || code.equals("default"))) {
            problems.add(where + ": no success (2XX) response");
        }
        if (codes.stream().noneMatch(code -> code.startsWith("4"))) {
            problems.add(where + ": no client error (4XX) response");
        }
        security(api, where, operation, schemes, problems);
        parameters(path, where, item, operation, problems);
    }

    private static void security(OpenAPI api, String where, Operation operation, Set<String> schemes,
                                 List<String> problems) {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity()
                : api.getSecurity();
        if (security == null) {
            problems.add(where + ": no security (an empty list says it is open)");
            return;
        }
        security.forEach(requirement -> requirement.keySet().stream().filter(name -> !schemes.contains(name))
                .forEach(name -> problems.add(where + ": security names " + name + ", which no scheme defines")));
    }

    private static void parameters(String path, String where, PathItem item, Operation operation,
                                   List<String> problems) {
        List<Parameter> all = new ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        Set<String> seen = new HashSet<>();
        Set<String> inPath = new TreeSet<>();
        for (Parameter parameter : all) {
            if (!seen.add(parameter.getIn() + ":" + parameter.getName())) {
                problems.add(where + ": parameter " + parameter.getName() + " (" + parameter.getIn() + ") twice");
            }
            if ("path".equals(parameter.getIn())) {
                inPath.add(parameter.getName());
            }
        }
        Set<String> templated = new TreeSet<>();
        Matcher template = TEMPLATE.matcher(path);
        while (template.find()) {
            templated.add(template.group(1));
        }
        templated.stream().filter(name -> !inPath.contains(name))
                .forEach(name -> problems.add(where + ": path parameter " + name + " is not declared"));
        inPath.stream().filter(name -> !templated.contains(name))
                .forEach(name -> problems.add(where + ": path parameter " + name + " is not in the path"));
    }

    /** Read off the text, since the parser has resolved the references by now. */
    private static void unusedSchemas(OpenAPI api, String json, List<String> problems) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Set<String> referenced = new HashSet<>();
        Matcher ref = SCHEMA_REF.matcher(json);
        while (ref.find()) {
            referenced.add(ref.group(1));
        }
        api.getComponents().getSchemas().keySet().stream().filter(name -> !referenced.contains(name))
                .forEach(name -> problems.add("components.schemas." + name + ": used nowhere"));
    }

    private static void enumsOfTheirType(OpenAPI api, List<String> problems) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        api.getComponents().getSchemas().forEach((name, schema) -> enums("components.schemas." + name, schema,
                problems, new HashSet<>()));
    }

    @SuppressWarnings("rawtypes")
    private static void enums(String where, Schema schema, List<String> problems, Set<Schema> visited) {
        if (schema == null || !visited.add(schema)) {
            return;
        }
        boolean text = "string".equals(schema.getType()) || schema.getTypes() != null
                && schema.getTypes().equals(Set.of("string"));
        if (schema.getEnum() != null && text) {
            for (Object value : schema.getEnum()) {
                if (value != null && !(value instanceof String)) {
                    problems.add(where + ": enum value " + value + " is not a string");
                }
            }
        }
        if (schema.getProperties() != null) {
            ((Map<?, ?>) schema.getProperties()).forEach((property, inner) ->
                    enums(where + "." + property, (Schema) inner, problems, visited));
        }
        enums(where + "[]", schema.getItems(), problems, visited);
    }
}
