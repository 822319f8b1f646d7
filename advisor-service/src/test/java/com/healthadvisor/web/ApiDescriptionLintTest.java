package com.healthadvisor.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint can fail: each mistake it looks for, planted in a small description, is reported where it is. */
class ApiDescriptionLintTest {

    @Test
    void theCommittedDescriptionPasses() throws Exception {
        assertThat(ApiDescriptionLint.problems(Files.readString(Path.of("docs/openapi.json")))).isEmpty();
    }

    @Test
    void everyPlantedMistakeIsReported() {
        String description = """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                 "paths": {
                   "/a/{id}": {"get": {"operationId": "read", "summary": "Reads",
                       "responses": {"200": {"description": "ok",
                           "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}}},
                         "404": {"description": "no"}}, "security": [{"apiKey": []}]}},
                   "/a/{name}": {"get": {"operationId": "read", "responses": {"200": {"description": "ok"}},
                       "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}},
                                      {"name": "q", "in": "query", "schema": {"type": "string"}},
                                      {"name": "q", "in": "query", "schema": {"type": "string"}}],
                       "security": [{"token": []}]}},
                   "/b/": {"post": {"operationId": "write", "summary": "Writes",
                       "responses": {"201": {"description": "made"}, "400": {"description": "bad"}}}}},
                 "components": {"securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "X"}},
                   "schemas": {"Unused": {"type": "string", "enum": ["a", 1]}}}}
                """;

        assertThat(String.join("\n", ApiDescriptionLint.problems(description))).contains(
                "#/components/schemas/Missing",
                "GET /a/{id}: path parameter id is not declared",
                "/a/{name}: the same path as /a/{id} but for a parameter's name",
                "GET /a/{name}: operationId read is also GET /a/{id}'s",
                "GET /a/{name}: no summary",
                "GET /a/{name}: no client error (4XX) response",
                "GET /a/{name}: parameter q (query) twice",
                "GET /a/{name}: security names token, which no scheme defines",
                "/b/: a trailing slash",
                "POST /b/: no security",
                "components.schemas.Unused: used nowhere",
                "components.schemas.Unused: enum value 1 is not a string");
    }
}
