package io.camelgong.gong.simulator;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One request to a simulated {@code /v2} endpoint: method, path, query parameters and JSON body, with the input
 * checks Gong applies. Every check failure raises {@link GongApiException} with status 400.
 */
final class ApiRequest {

    private static final Pattern ID = Pattern.compile("\\d{1,20}");
    private static final int FINGERPRINT_HEX_LENGTH = 16;

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final JsonNode body;

    ApiRequest(String method, String url, String body) {
        this.method = method;
        URI uri = URI.create(url);
        this.path = uri.getRawPath();
        this.query = parseQuery(uri.getRawQuery());
        this.body = parseBody(body);
    }

    // --- parsing

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode parseBody(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw GongApiException.badRequest("Request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    // --- request data

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    boolean isPost() {
        return "POST".equals(method);
    }

    /** Returns the first value of a query parameter, or {@code null} when it is absent or empty. */
    String query(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            return null;
        }
        return values.get(0);
    }

    String requiredQuery(String name) {
        String value = query(name);
        if (value == null) {
            throw GongApiException.badRequest("Query parameter '" + name + "' is required");
        }
        return value;
    }

    /**
     * Returns the JSON body of a POST, which must be an object. Gong rejects POST requests without a body.
     */
    ObjectNode body() {
        if (!body.isObject()) {
            throw GongApiException.badRequest("Request body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    /** Returns {@code filter} of the POST body, an object that Gong requires even when it is empty. */
    JsonNode requiredFilter() {
        JsonNode filter = body().path("filter");
        if (!filter.isObject()) {
            throw GongApiException.badRequest("Request body must contain a 'filter' object");
        }
        return filter;
    }

    /**
     * Returns the cursor of the request: query parameter {@code cursor} for GET, top-level body field
     * {@code cursor} for POST. Gong ignores a cursor in the query string of a POST, and so does this method.
     */
    String cursor() {
        if (isPost()) {
            return body.isObject() ? Json.text(body, "cursor") : null;
        }
        return query("cursor");
    }

    /**
     * Returns a short hash of the method, path and every input but the cursor. A cursor stores it, so that it is
     * accepted only with the request that returned it.
     */
    String fingerprint() {
        StringBuilder text = new StringBuilder(method).append(' ').append(path).append('\n');
        Map<String, List<String>> sortedQuery = new TreeMap<>(query);
        sortedQuery.remove("cursor");
        if (!isPost()) {
            text.append(sortedQuery);
        } else if (body.isObject()) {
            ObjectNode withoutCursor = body.deepCopy();
            withoutCursor.remove("cursor");
            text.append(Json.canonical(withoutCursor));
        }
        return sha256(text.toString()).substring(0, FINGERPRINT_HEX_LENGTH);
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    // --- value checks shared by the endpoints

    /** Checks that a value is a Gong id: a numeric string of up to 20 digits. */
    static String requireId(String value, String name) {
        if (value == null || !ID.matcher(value).matches()) {
            throw GongApiException.badRequest(
                    name + " must be a numeric id of up to 20 digits, but was '" + value + "'");
        }
        return value;
    }

    /** Returns the ids of a JSON array of id strings, or an empty list when the field is absent. */
    static List<String> ids(JsonNode filter, String name) {
        JsonNode array = filter.path(name);
        List<String> ids = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return ids;
        }
        if (!array.isArray()) {
            throw GongApiException.badRequest("filter." + name + " must be an array of ids");
        }
        array.forEach(id -> ids.add(requireId(id.asText(), "filter." + name + " entry")));
        return ids;
    }

    /** Parses an ISO-8601 date-time with {@code Z} or an offset; {@code null} stays {@code null}. */
    static OffsetDateTime dateTime(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw GongApiException.badRequest(
                    name + " must be an ISO-8601 date-time with an offset, such as 2024-11-01T00:00:00Z, but was '"
                            + value + "'");
        }
    }

    /** Parses a plain date {@code YYYY-MM-DD}; {@code null} stays {@code null}. */
    static LocalDate date(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw GongApiException.badRequest(name + " must be a date in the form YYYY-MM-DD, but was '" + value + "'");
        }
    }

    /** Rejects a window whose start is after its end, as Gong does with status 400. */
    static void requireOrdered(OffsetDateTime from, OffsetDateTime to, String fromName, String toName) {
        if (from != null && to != null && from.isAfter(to)) {
            throw GongApiException.badRequest(
                    fromName + " (" + from + ") must not be after " + toName + " (" + to + ")");
        }
    }
}
