package com.healthadvisor.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthadvisor.DiagnosisResult;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The result as snake_case JSON; absent values (an unknown impact, no band) are left out. */
public final class ResultJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final JsonMapper COMPACT = MAPPER.rebuild().disable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultJson() {
    }

    public static String write(DiagnosisResult result) {
        return MAPPER.writeValueAsString(result);
    }

    /** UTF-8 without indentation, for HTTP: a third of the bytes and of the time to write them. */
    public static byte[] writeCompact(DiagnosisResult result) {
        return COMPACT.writeValueAsBytes(result);
    }

    /** A result written by {@link #write} or {@link #writeCompact}, read back (a stored diagnosis). */
    public static DiagnosisResult read(String json) {
        return MAPPER.readValue(json, DiagnosisResult.class);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
