package io.camelgong.gong.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Jackson helpers shared by the simulator: one {@link ObjectMapper}, Gong's {@code requestId} and error bodies.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String REQUEST_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int REQUEST_ID_LENGTH = 19;

    private Json() {
    }

    /** Creates an response body that starts with a fresh {@code requestId}, as every Gong response does. */
    static ObjectNode responseBody() {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("requestId", newRequestId());
        return body;
    }

    /** Creates Gong's error body {@code {"requestId": "...", "errors": [message]}}. */
    static ObjectNode error(String message) {
        ObjectNode body = responseBody();
        body.putArray("errors").add(message);
        return body;
    }

    /** Returns a random id of 19 lower-case letters and digits, the form Gong's request ids have. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(REQUEST_ID_LENGTH);
        for (int i = 0; i < REQUEST_ID_LENGTH; i++) {
            id.append(REQUEST_ID_ALPHABET.charAt(random.nextInt(REQUEST_ID_ALPHABET.length())));
        }
        return id.toString();
    }

    /** Returns the text of a field, or {@code null} when the field is missing or JSON {@code null}. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** Creates an array node of the given strings. */
    static ArrayNode strings(Iterable<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** Serializes a tree with the fields of every object sorted by name, so equal trees give equal strings. */
    static String canonical(JsonNode node) {
        return sorted(node).toString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode copy = MAPPER.createObjectNode();
            copy.setAll(fields);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
