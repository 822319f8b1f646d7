package com.healthadvisor.web;

import com.healthadvisor.json.Json;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change of several rule files at once, the body of a preview: {@code {"files": {"benchmarks.csv": "...",
 * "old.drl": null}}}. Read from the request's bytes by {@link #read}, under the preview's size limit, so that each
 * mistake is told with its place.
 *
 * @param files each changed file's name and new text, in the body's order; a null text deletes the file
 */
@Schema(description = "Several rule files changed at once")
record RuleFilesChange(
        @Schema(description = "file name → its new text; null deletes the file",
                requiredMode = Schema.RequiredMode.REQUIRED) Map<String, String> files) {

    static RuleFilesChange read(byte[] body) {
        JsonNode root;
        try {
            root = Json.PLAIN.readTree(body);
        } catch (JacksonException e) {
            throw new BadPreviewRequestException("the body is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode files = root == null ? null : root.get("files");
        if (files == null || !files.isObject() || files.isEmpty()) {
            throw new BadPreviewRequestException("the body must be {\"files\": {\"NAME\": \"content\" or null}} "
                    + "with at least one file");
        }
        Map<String, String> changed = new LinkedHashMap<>();
        for (String name : files.propertyNames()) {
            JsonNode content = files.get(name);
            if (!content.isNull() && !(content.isString() && !content.stringValue().isBlank())) {
                throw new BadPreviewRequestException("/files/" + name + ": must be the file's text, or null to "
                        + "delete it");
            }
            changed.put(name, content.isNull() ? null : content.stringValue());
        }
        return new RuleFilesChange(java.util.Collections.unmodifiableMap(changed));
    }

    /** A preview's body that is not a change of files: a 400 problem saying what is wrong. */
    static class BadPreviewRequestException extends RuntimeException {
        BadPreviewRequestException(String message) {
            super(message);
        }
    }
}
