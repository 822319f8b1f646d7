package com.healthadvisor.web;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.access.AccessRules;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * What the handlers' annotations leave to the whole description: the API's name and servers, the security schemes,
 * who may call each operation (from {@link AccessRules#API}, the table the security chain is built from), the
 * result's schema where a handler writes bytes, a report's media types, and the problem details of every error.
 * Each operation's id, summary and body are on its handler ({@code @Operation}). After {@link SnapshotSchemaInOpenApi},
 * whose snapshot schema the handlers refer to.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiDescription implements OpenApiCustomizer {

    /** What a ledger body is, for the handlers that take one. */
    static final String LEDGER = "one row per customer per month: customer_id,month,mrr and optionally users, "
            + "currency, fx, product, market, plan, region, channel (docs/guide.md, docs/imports.md for fx)";

    private static final String PROBLEM = "application/problem+json";
    private static final String BEARER = "bearer";
    private static final String API_KEY = "apiKey";

    private final String version;

    ApiDescription(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "development" : properties.getVersion();
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("Health Advisor API").version(version)
                .description("Diagnoses SaaS metric snapshots with rules a RevOps analyst can edit; stores each "
                        + "company's periods. The snapshot and the result are described field by field in "
                        + "docs/contract.md.")
                .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
        // Relative: the description is right on whichever host and port serves it.
        api.servers(List.of(new Server().url("/").description("the service that serves this description")));
        api.getComponents()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An editor's token (viewer, analyst or admin), or ADVISOR_ADMIN_TOKEN"))
                .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name("X-API-Key")
                        .description("A client key of advisor.api-keys, when that list is set"))
                .addSchemas("Problem", problemSchema());
        ResolvedSchema result = ModelConverters.getInstance(true).resolveAsResolvedSchema(
                new io.swagger.v3.core.converter.AnnotatedType(DiagnosisResult.class).resolveAsRef(true));
        result.referencedSchemas.forEach(api.getComponents()::addSchemas);
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(method.name() + " " + path, operation)));
        typedBodies(api);
    }

    /**
     * Where a handler writes a tree or a stream, springdoc describes the Java class (JsonNode's getters, a
     * StreamingResponseBody); the wire carries a diagnosis, a snapshot, JSON lines. And a preview's files may be null.
     */
    private static void typedBodies(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Schema<?> stored = schemas.get("StoredPeriod");
        if (stored != null) {
            stored.getProperties().put("diagnosis", new Schema<>().$ref("#/components/schemas/DiagnosisResult"));
        }
        Schema<?> change = schemas.get("RuleFilesChange");
        if (change != null) {
            // A null text deletes the file: a type annotations cannot state on a map's values.
            change.getProperties().get("files").additionalProperties(new Schema<String>()
                    .types(new java.util.LinkedHashSet<>(List.of("string", "null"))));
        }
        schemas.remove("JsonNode");
        schemas.remove("StreamingResponseBody");
        ok(api, "/api/v1/companies/{company}/snapshots/{period}", "application/json",
                new Schema<>().$ref("#/components/schemas/Snapshot"), "The period's newest snapshot, as it was sent");
        ok(api, "/api/v1/companies/{company}/export", "application/x-ndjson", typed("string")
                .description("one stored revision per line, with its diagnosis"), "The company's revisions");
    }

    private static void ok(OpenAPI api, String path, String mediaType, Schema<?> schema, String description) {
        PathItem item = api.getPaths().get(path);
        if (item != null && item.getGet() != null) {
            item.getGet().getResponses().addApiResponse("200", new ApiResponse().description(description)
                    .content(new Content().addMediaType(mediaType, new MediaType().schema(schema))));
        }
    }

    private void describe(String key, Operation operation) {
        if (operation.getOperationId() == null || operation.getSummary() == null) {
            throw new IllegalStateException(key + " has no @Operation with an operationId and a summary");
        }
        AccessRules.Access access = AccessRules.apiRule(key.substring(0, key.indexOf(' ')),
                key.substring(key.indexOf(' ') + 1)).orElseThrow(() -> new IllegalStateException(
                "no rule of AccessRules.API names " + key)).access();
        operation.setSecurity(security(access));
        if (key.equals("POST /api/v1/diagnoses") || key.equals("GET /api/v1/companies/{company}/diagnoses/{period}")) {
            resultOrReport(operation);
        }
        if (key.equals("POST /api/v1/diagnoses")) {
            ledgerParameters(operation);
            snapshotFirst(operation);
        }
        problems(operation.getResponses(), access);
    }

    /** Two handlers take the one operation's bodies; a snapshot first, the one a generated client's method takes. */
    private static void snapshotFirst(Operation operation) {
        Content merged = operation.getRequestBody().getContent();
        Content ordered = new Content();
        merged.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(type -> ordered.addMediaType(type.getKey(), type.getValue()));
        operation.getRequestBody().setContent(ordered);
    }

    private static List<SecurityRequirement> security(AccessRules.Access access) {
        return switch (access) {
            case ANYONE -> List.of();
            // Open unless advisor.api-keys is set; an editor's token does too.
            case DIAGNOSING -> List.of(new SecurityRequirement(), new SecurityRequirement().addList(API_KEY),
                    new SecurityRequirement().addList(BEARER));
            case VIEWER, ANALYST, ADMIN -> List.of(new SecurityRequirement().addList(BEARER));
        };
    }

    private static void resultOrReport(Operation operation) {
        Content content = new Content()
                .addMediaType("application/json", new MediaType().schema(
                        new Schema<>().$ref("#/components/schemas/DiagnosisResult")))
                .addMediaType("text/markdown", new MediaType().schema(typed("string")))
                .addMediaType("text/html", new MediaType().schema(typed("string")))
                .addMediaType("application/pdf", new MediaType().schema(typed("string")
                        .contentMediaType("application/pdf")));
        operation.getResponses().addApiResponse("200", new ApiResponse()
                .description("The diagnosis as JSON, or the report (Markdown, HTML or PDF), as the Accept header "
                        + "prefers")
                .content(content));
    }

    /** One handler reads JSON, the other CSV; springdoc keeps the parameters of one: these are the CSV's. */
    private static void ledgerParameters(Operation operation) {
        operation.setParameters(List.of(
                query("fragment", "boolean", "with text/html: a <section> to embed instead of a whole page"),
                query("period", "string", "with a ledger: the month to diagnose, YYYY-MM (default the last)"),
                query("company", "string", "with a ledger: the company's name"),
                query("currency", "string", "with a ledger: its ISO 4217 currency (default its currency column, "
                        + "else USD)"),
                query("allow_empty_months", "boolean", "with a ledger: a month with no rows is real, not missing")));
    }

    private static Parameter query(String name, String type, String description) {
        return new Parameter().in("query").name(name).required(false).description(description)
                .schema(typed(type));
    }

    private static void problems(ApiResponses responses, AccessRules.Access access) {
        ApiResponse problem = new ApiResponse().content(new Content().addMediaType(PROBLEM,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
        responses.addApiResponse("400", copy(problem, "The request is wrong: the problem says what, and where"));
        if (access != AccessRules.Access.ANYONE) {
            responses.addApiResponse("401", copy(problem, "No token or key, or one that is not valid"));
            responses.addApiResponse("403", copy(problem, "The token's role may not do this (DRL changes over HTTP "
                    + "need an admin and advisor.rules.network-drl)"));
        }
        responses.addApiResponse("4XX", copy(problem, "Another client error (404, 406, 409, 413, 415, 422, 429 with "
                + "Retry-After, ...)"));
        responses.addApiResponse("5XX", copy(problem, "A server error (503: the database is busy; try again)"));
        responses.values().forEach(response -> {
            if (response.getDescription() == null || response.getDescription().equals("OK")) {
                response.setDescription("Done");
            }
        });
    }

    private static ApiResponse copy(ApiResponse problem, String description) {
        return new ApiResponse().description(description).content(problem.getContent());
    }

    /** RFC 9457 problem details, with this service's additions. */
    private static Schema<?> problemSchema() {
        Schema<?> error = typed("object")
                .addProperty("pointer", typed("string").description("JSON pointer of the field"))
                .addProperty("detail", typed("string"));
        return typed("object").description("RFC 9457 problem details")
                .addProperty("type", typed("string").format("uri"))
                .addProperty("title", typed("string"))
                .addProperty("status", typed("integer"))
                .addProperty("detail", typed("string"))
                .addProperty("instance", typed("string").format("uri"))
                .addProperty("errors", typed("array").items(error)
                        .description("each problem: a snapshot's field with its pointer, a rule file's line"));
    }

    /** A schema of one JSON type, written as OpenAPI 3.1 writes types (a plain type() is dropped there). */
    private static Schema<Object> typed(String type) {
        return new Schema<>().types(java.util.Set.of(type));
    }
}
