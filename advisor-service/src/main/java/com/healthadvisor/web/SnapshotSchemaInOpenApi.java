package com.healthadvisor.web;

import com.healthadvisor.snapshot.SnapshotSchema;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI description carries the snapshot's JSON Schema, the one the reader is tested against, as the
 * body of {@code POST /api/v1/diagnoses}: a client generated from it knows every section (finance, acquisitions,
 * year_ago_customers). The schema's {@code $defs} become component schemas named {@code Snapshot…}.
 */
@Component
@org.springframework.core.annotation.Order(0)
class SnapshotSchemaInOpenApi implements OpenApiCustomizer {

    private static final String PREFIX = "Snapshot";

    /** References inside the file point at its $defs; in OpenAPI they point at the components. */
    private static final Pattern DEFINITION = Pattern.compile("\"#/\\$defs/([a-z_]+)\"");

    @Override
    public void customise(OpenAPI openApi) {
        String text = DEFINITION.matcher(SnapshotSchema.text()).replaceAll(reference ->
                Matcher.quoteReplacement("\"#/components/schemas/" + PREFIX + capitalized(reference.group(1)) + "\""));
        Map<String, Object> root = read(text, LinkedHashMap.class);
        Map<?, ?> definitions = (Map<?, ?>) root.remove("$defs");
        root.remove("$schema");
        root.remove("$id");
        definitions.forEach((name, definition) -> openApi.getComponents()
                .addSchemas(PREFIX + capitalized((String) name), read(Json31.pretty(definition), Schema.class)));
        openApi.getComponents().addSchemas(PREFIX, read(Json31.pretty(root), Schema.class));
        PathItem diagnoses = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/v1/diagnoses");
        Operation post = diagnoses == null ? null : diagnoses.getPost();
        if (post != null) {
            RequestBody body = post.getRequestBody() == null ? new RequestBody() : post.getRequestBody();
            Content content = body.getContent() == null ? new Content() : body.getContent();
            content.addMediaType("application/json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PREFIX)));
            post.setRequestBody(body.content(content).required(true));
        }
    }

    private static String capitalized(String name) {
        StringBuilder words = new StringBuilder();
        for (String word : name.split("_")) {
            words.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return words.toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(String json, Class<?> type) {
        try {
            return (T) Json31.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("the snapshot schema does not read as OpenAPI", e);
        }
    }
}
