package com.healthadvisor.web;

import com.healthadvisor.DiagnosisResult;
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
import io.swagger.v3.oas.models.parameters.RequestBody;
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
 * What springdoc cannot see in the handlers: the bodies they read as streams, what each operation is for, who may
 * call it, the result's schema where the handler writes bytes, and the problem details of every error. After
 * {@link SnapshotSchemaInOpenApi}, whose snapshot schema this refers to.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiDescription implements OpenApiCustomizer {

    private static final String PROBLEM = "application/problem+json";
    private static final String BEARER = "bearer";
    private static final String API_KEY = "apiKey";

    /** Who may call an operation: docs/http.md. */
    private enum Access { ANYONE, CLIENT, VIEWER, ANALYST, EDITOR, ADMIN }

    private enum Body { NONE, SNAPSHOT, SNAPSHOT_OR_LEDGER, LEDGER, RULE_FILE, RULE_FILES }

    private record Described(String operationId, String summary, Access access, Body body) {
    }

    private static final Map<String, Described> OPERATIONS = Map.ofEntries(
            entry("POST /api/v1/diagnoses", "diagnose", "Diagnose a snapshot (JSON) or a ledger (CSV); the result as JSON, or the "
                    + "report as Markdown or HTML", Access.CLIENT, Body.SNAPSHOT_OR_LEDGER),
            entry("GET /api/v1/rules", "getRuleSet", "The active rule set and the last attempt to change it", Access.ANYONE),
            entry("GET /api/v1/rules/files/{name}", "getRuleFile", "One rule file's text", Access.ANYONE),
            entry("PUT /api/v1/rules/files/{name}", "putRuleFile", "Replace or add a rule file: vetted, then live at once",
                    Access.EDITOR, Body.RULE_FILE),
            entry("DELETE /api/v1/rules/files/{name}", "deleteRuleFile", "Delete a rule file: vetted, then live at once", Access.EDITOR),
            entry("POST /api/v1/rules/validate", "validateRuleFile", "Check one file with the active others and the fixtures; activates "
                    + "nothing", Access.EDITOR, Body.RULE_FILE),
            entry("POST /api/v1/rules/preview", "previewRuleChange", "What a change of files would move, in fixtures and stored companies",
                    Access.EDITOR, Body.RULE_FILES),
            entry("POST /api/v1/rules/previews/{id}/apply", "applyPreview", "Apply a preview's change, if the rules did not change "
                    + "since", Access.EDITOR),
            entry("GET /api/v1/rules/versions", "listRuleVersions", "The rule set versions kept, newest first", Access.ANYONE),
            entry("GET /api/v1/rules/versions/{id}", "getRuleVersion", "One version and its files", Access.ANYONE),
            entry("GET /api/v1/rules/versions/{id}/diff", "diffRuleVersion", "A version's changes as a unified diff", Access.ANYONE),
            entry("POST /api/v1/rules/versions/{id}/restore", "restoreRuleVersion", "Make a kept version the active one again",
                    Access.EDITOR),
            entry("GET /api/v1/rules/audit", "getRuleAudit", "Every attempt to change the rules, accepted or refused", Access.EDITOR),
            entry("GET /api/v1/companies", "listCompanies", "Each company with its newest period and health", Access.VIEWER),
            entry("PUT /api/v1/companies/{company}/snapshots/{period}", "putSnapshot", "Store and diagnose a period's snapshot",
                    Access.ANALYST, Body.SNAPSHOT),
            entry("GET /api/v1/companies/{company}/snapshots/{period}", "getSnapshot", "A stored period's newest snapshot",
                    Access.VIEWER),
            entry("POST /api/v1/companies/{company}/ledger", "putLedger", "Store and diagnose every month of a ledger, in one "
                    + "transaction", Access.ANALYST, Body.LEDGER),
            entry("GET /api/v1/companies/{company}/timeline", "getTimeline", "Health and key metrics per stored period",
                    Access.VIEWER),
            entry("GET /api/v1/companies/{company}/diagnoses/{period}", "getDiagnosis", "A stored period's diagnosis, or its report",
                    Access.VIEWER),
            entry("GET /api/v1/companies/{company}/changes", "getChanges", "What changed from one stored period to another",
                    Access.VIEWER),
            entry("GET /api/v1/companies/{company}/export", "exportCompany", "Everything a company stored, as JSON lines",
                    Access.VIEWER),
            entry("DELETE /api/v1/companies/{company}", "deleteCompany", "Delete a company and all it stored", Access.ADMIN),
            entry("POST /api/v1/companies/rediagnose", "rediagnoseAll", "Diagnose every stored period again under the active rules",
                    Access.ANALYST),
            entry("GET /api/v1/companies/rediagnose/{id}", "getRediagnosis", "How far a re-diagnosis has got", Access.VIEWER));

    private final String version;

    ApiDescription(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "development" : properties.getVersion();
    }

    private static Map.Entry<String, Described> entry(String operation, String id, String summary, Access access) {
        return entry(operation, id, summary, access, Body.NONE);
    }

    private static Map.Entry<String, Described> entry(String operation, String id, String summary, Access access,
                                                      Body body) {
        return Map.entry(operation, new Described(id, summary, access, body));
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
     * StreamingResponseBody); the wire carries a diagnosis, a snapshot, JSON lines.
     */
    private static void typedBodies(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Schema<?> stored = schemas.get("StoredPeriod");
        if (stored != null) {
            stored.getProperties().put("diagnosis", new Schema<>().$ref("#/components/schemas/DiagnosisResult"));
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
        Described described = OPERATIONS.get(key);
        if (described == null) {
            throw new IllegalStateException("no description for " + key + ": add it to ApiDescription");
        }
        // Names a generated client's methods take: stable, whatever the handlers are called.
        operation.operationId(described.operationId()).summary(described.summary()).setTags(List.of(key.contains("/companies") ? "Companies"
                : key.contains("/rules") ? "Rules" : "Diagnoses"));
        operation.setSecurity(security(described.access()));
        requestBody(operation, described.body());
        if (key.equals("POST /api/v1/diagnoses") || key.equals("GET /api/v1/companies/{company}/diagnoses/{period}")) {
            resultOrReport(operation);
        }
        if (key.equals("POST /api/v1/diagnoses")) {
            ledgerParameters(operation);
        }
        problems(operation.getResponses(), described);
    }

    private static List<SecurityRequirement> security(Access access) {
        return switch (access) {
            case ANYONE -> List.of();
            // Open unless advisor.api-keys is set; an editor's token does too.
            case CLIENT -> List.of(new SecurityRequirement(), new SecurityRequirement().addList(API_KEY),
                    new SecurityRequirement().addList(BEARER));
            case VIEWER, ANALYST, EDITOR, ADMIN -> List.of(new SecurityRequirement().addList(BEARER));
        };
    }

    private static void requestBody(Operation operation, Body body) {
        Content content = switch (body) {
            case NONE -> null;
            case SNAPSHOT -> new Content().addMediaType("application/json", snapshot());
            case SNAPSHOT_OR_LEDGER -> new Content().addMediaType("application/json", snapshot())
                    .addMediaType("text/csv", ledger());
            case LEDGER -> new Content().addMediaType("text/csv", ledger());
            case RULE_FILE -> new Content().addMediaType("text/plain", new MediaType().schema(
                    typed("string").description("the file's whole text, UTF-8")));
            case RULE_FILES -> new Content().addMediaType("application/json", new MediaType().schema(
                    typed("object").addProperty("files", typed("object")
                                    // Ordered: Set.of's order changes from one JVM to the next, and so did the description.
                                    .additionalProperties(new Schema<String>()
                                            .types(new java.util.LinkedHashSet<>(List.of("string", "null"))))
                                    .description("file name → its new text; null deletes the file"))
                            .required(List.of("files"))));
        };
        if (content != null) {
            operation.setRequestBody(new RequestBody().required(true).content(content));
        }
    }

    private static MediaType snapshot() {
        return new MediaType().schema(new Schema<>().$ref("#/components/schemas/Snapshot"));
    }

    private static MediaType ledger() {
        return new MediaType().schema(typed("string").description(
                "one row per customer per month: customer_id,month,mrr and optionally users, currency, product, "
                        + "market, plan, region, channel (docs/guide.md)"));
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

    private static void problems(ApiResponses responses, Described described) {
        ApiResponse problem = new ApiResponse().content(new Content().addMediaType(PROBLEM,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
        responses.addApiResponse("400", copy(problem, "The request is wrong: the problem says what, and where"));
        if (described.access() != Access.ANYONE) {
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
