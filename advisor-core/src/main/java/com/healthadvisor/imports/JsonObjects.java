package com.healthadvisor.imports;

import com.healthadvisor.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

import java.io.Reader;
import java.util.function.Consumer;

/**
 * The objects of a JSON export, one at a time, whatever its shape: a list object ({@code {"object": "list",
 * "data": [...]}} or Chargebee's {@code {"list": [...]}}), an array, one object per line, or one object. A list's
 * elements are read one by one, so an export of a hundred thousand subscriptions is never held as one tree.
 */
final class JsonObjects {

    /**
     * Reads one value as a tree with its deserializer found once, not again for every value of the export; what
     * follows the value is the export's next, not a trailing token.
     */
    private static final ObjectReader TREES = Json.PLAIN.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonObjects() {
    }

    /** Hands each object to {@code each}; refuses text that is not JSON, naming where it stops being. */
    static void read(Reader json, String name, Consumer<JsonNode> each) {
        try (JsonParser parser = Json.PLAIN.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    elements(parser, each);
                } else if (token == JsonToken.START_OBJECT) {
                    object(parser, each);
                } else {
                    throw new com.healthadvisor.InvalidImportException(java.util.List.of(name + ": expected JSON "
                            + "objects, found " + token + " at line " + parser.currentLocation().getLineNr()));
                }
            }
        } catch (JacksonException e) {
            throw new com.healthadvisor.InvalidImportException(java.util.List.of(name + ": not JSON at line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage()));
        }
    }

    private static void elements(JsonParser parser, Consumer<JsonNode> each) {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            // Whatever it is: the reader of the objects names what is not one.
            each.accept(tree(parser));
        }
    }

    /** A root object: a list's fields are read except its elements, which are streamed; else it is one object. */
    private static void object(JsonParser parser, Consumer<JsonNode> each) {
        ObjectNode fields = Json.PLAIN.createObjectNode();
        boolean list = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ((field.equals("data") || field.equals("list")) && value == JsonToken.START_ARRAY) {
                elements(parser, each);
                list = true;
            } else {
                fields.set(field, tree(parser));
            }
        }
        if (!list) {
            each.accept(fields);
        }
    }

    /** The value at the parser's current token, as a tree ({@code null} as a null node). */
    private static JsonNode tree(JsonParser parser) {
        return TREES.readValue(parser);
    }
}
