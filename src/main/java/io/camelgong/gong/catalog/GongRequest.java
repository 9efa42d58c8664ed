package io.camelgong.gong.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Gong HTTP request, built from an operation and its resolved parameters.
 *
 * @param operation the operation
 * @param params    the resolved parameters, nested, exactly as the reference connector takes them
 * @param path      the path below the base URL with path parameters substituted and encoded
 * @param query     the query parameters, unencoded, in order
 * @param body      the JSON body of a POST as nested maps, {@code null} for a GET
 */
public record GongRequest(
        GongOperation operation, Map<String, Object> params, String path, Map<String, String> query,
        Map<String, Object> body) {

    /**
     * Builds the request for resolved parameters.
     */
    public static GongRequest of(GongOperation operation, Map<String, Object> params) {
        String path = operation.pathTemplate();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, Object> body = "POST".equals(operation.httpMethod()) ? new LinkedHashMap<>() : null;
        for (ParamSpec spec : operation.params().values()) {
            Object value = valueAt(params, spec.path());
            if (value == null) {
                continue;
            }
            switch (spec.location()) {
                case PATH -> path = path.replace("{" + spec.path() + "}", encode(value.toString()));
                case QUERY -> query.put(spec.path(), value.toString());
                case BODY -> putAt(body, spec.path(), value);
                case LOCAL -> {
                    // consumed by the component, never sent
                }
            }
        }
        if (body != null) {
            // Gong rejects a POST without a filter object, even when nothing is filtered.
            body.computeIfAbsent("filter", key -> new LinkedHashMap<String, Object>());
        }
        return new GongRequest(operation, params, path, query, body);
    }

    /**
     * Returns the request for the page after the one a cursor points to; every other input stays unchanged.
     */
    public GongRequest withCursor(String cursor) {
        Map<String, Object> nextParams = new LinkedHashMap<>(params);
        nextParams.put("cursor", cursor);
        Map<String, String> nextQuery = query;
        Map<String, Object> nextBody = body;
        if (operation.paging() == Paging.QUERY_CURSOR) {
            nextQuery = new LinkedHashMap<>(query);
            nextQuery.put("cursor", cursor);
        } else {
            nextBody = new LinkedHashMap<>(body);
            nextBody.put("cursor", cursor);
        }
        return new GongRequest(operation, nextParams, path, nextQuery, nextBody);
    }

    /**
     * Returns the path with its encoded query string.
     */
    public String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder builder = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            builder.append(separator).append(encode(entry.getKey())).append('=').append(encode(entry.getValue()));
            separator = '&';
        }
        return builder.toString();
    }

    /**
     * Returns the value at a dotted path of nested maps, or {@code null}.
     */
    public static Object valueAt(Map<String, Object> params, String dottedPath) {
        Object current = params;
        for (String segment : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(segment);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static void putAt(Map<String, Object> target, String dottedPath, Object value) {
        String[] segments = dottedPath.split("\\.");
        Map<String, Object> current = target;
        for (int i = 0; i < segments.length - 1; i++) {
            current = (Map<String, Object>) current.computeIfAbsent(
                    segments[i], key -> new LinkedHashMap<String, Object>());
        }
        current.put(segments[segments.length - 1], value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
