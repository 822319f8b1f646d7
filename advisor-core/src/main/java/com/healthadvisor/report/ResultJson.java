package com.healthadvisor.report;

import com.healthadvisor.DiagnosisResult;
import com.healthadvisor.json.Json;
import tools.jackson.databind.json.JsonMapper;

/** The result as snake_case JSON; absent values (an unknown impact, no band) are left out. */
public final class ResultJson {

    private ResultJson() {
    }

    public static String write(DiagnosisResult result) {
        return Json.RESULT.writeValueAsString(result);
    }

    /** UTF-8 without indentation, for HTTP: a third of the bytes and of the time to write them. */
    public static byte[] writeCompact(DiagnosisResult result) {
        return Json.RESULT_COMPACT.writeValueAsBytes(result);
    }

    /**
     * The same text as {@link #writeCompact}, written as characters: where a string is wanted (a stored result, a
     * JSON line), decoding the bytes again costs more than writing them.
     */
    public static String writeCompactText(DiagnosisResult result) {
        return Json.RESULT_COMPACT.writeValueAsString(result);
    }

    /** A result written by {@link #write} or {@link #writeCompact}, read back (a stored diagnosis). */
    public static DiagnosisResult read(String json) {
        return Json.RESULT.readValue(json, DiagnosisResult.class);
    }

    public static JsonMapper mapper() {
        return Json.RESULT;
    }
}
