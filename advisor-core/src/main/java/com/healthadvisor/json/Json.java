package com.healthadvisor.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every JSON reader and writer of the advisor, in one place: each is Jackson's defaults plus what its use needs,
 * named by that use. A mapper is thread-safe and costly to build, so each is built once.
 */
public final class Json {

    /** Jackson's defaults: settings, stored rows, rule logs, the API's bodies. */
    public static final JsonMapper PLAIN = JsonMapper.builder().build();

    /** Indented, decimals written as they are: snapshots and fixture expectations people read and edit. */
    public static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    /** Object keys in order: the same content gives the same bytes (stored periods, hashes). */
    public static final JsonMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /**
     * A client's snapshot: a key given twice is refused, not silently the last one; NaN and Infinity are read so
     * that the reader refuses them with the field's pointer.
     */
    public static final JsonMapper SNAPSHOT_INPUT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The result of contract.md section 2: snake_case names, absent fields left out, indented. */
    public static final JsonMapper RESULT = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** The same result on one line, for HTTP and stored rows: a third of the bytes and of the time to write them. */
    public static final JsonMapper RESULT_COMPACT = RESULT.rebuild().disable(SerializationFeature.INDENT_OUTPUT).build();

    /** Problem details (RFC 9457): absent members left out. */
    public static final JsonMapper PROBLEM = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private Json() {
    }
}
