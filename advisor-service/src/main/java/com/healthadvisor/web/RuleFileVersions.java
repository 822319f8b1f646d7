package com.healthadvisor.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Which version of a rule file a client has: its ETag, the SHA-256 of its text in quotes. A change sent with
 * {@code If-Match} applies only to the version it names ({@code *}: any, as long as the file exists); one that names
 * another is refused with 412, so that an edit made on an old copy never silently undoes a newer change.
 */
public final class RuleFileVersions {

    private RuleFileVersions() {
    }

    /** The ETag of a file's text: {@code "<sha256 hex>"}. */
    public static String etag(String content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8))) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Refuses a change whose {@code If-Match} names another version than the file has now (null: the file does
     * not exist); no header, no check.
     */
    public static void check(String name, String ifMatch, Optional<String> current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String now = current.map(RuleFileVersions::etag).orElse(null);
        boolean matches = ifMatch.strip().equals("*") ? now != null
                : now != null && Arrays.stream(ifMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(now::equals);
        if (!matches) {
            throw new ChangedSinceReadException(name, ifMatch.strip(), now);
        }
    }

    /** A change made on a version of the file that is no longer the active one. */
    public static final class ChangedSinceReadException extends RuntimeException {

        final String current;

        ChangedSinceReadException(String name, String read, String current) {
            super(current == null ? name + " does not exist any more (you had " + read + "): nothing was changed"
                    : name + " changed since you read it (you had " + read + ", it is now " + current + "): nothing "
                    + "was changed. Read it again (GET gives the text and its ETag), make your edit on that, and send "
                    + "it with If-Match: " + current);
            this.current = current;
        }
    }
}
