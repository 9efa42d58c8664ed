package io.camelgong.gong.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongRequest;
import io.camelgong.gong.catalog.OperationKind;
import io.camelgong.gong.hosted.AirbyteApi;
import io.camelgong.gong.hosted.HostedConnectors;

/**
 * Runs catalog requests through Airbyte's connector API ({@code POST /api/v1/integrations/connectors/{id}/execute}
 * with {@code {entity, action, params}}) and reads the responses into the same pages as {@link GongApi}, so a route
 * gets the same records and headers in either mode.
 * <p>
 * The execute response is {@code {result, connector_metadata}}, as Airbyte's hosted-mode guide shows it
 * (airbytehq/airbyte, docs/ai-agents/execution-mode/readme.md). The Gong connector's documentation
 * (airbytehq/airbyte-ai-connectors, connectors/gong/DOCS.md) and the hosted executor of Airbyte's Python agent SDK,
 * which returns {@code result} as the data and {@code connector_metadata} as the meta, give the rest:
 * <ul>
 * <li>list: {@code result} is the array of records and {@code connector_metadata.pagination} holds Gong's paging
 * object ({@code totalRecords, currentPageSize, currentPageNumber, cursor}); the cursor is absent on the last
 * page.</li>
 * <li>get: {@code result} is the single record.</li>
 * <li>context_store_search: {@code result} is {@code {data: [...], meta: {has_more, cursor, took_ms}}}; a next page
 * exists when {@code has_more} is true.</li>
 * </ul>
 * The next page is the same request with {@code params.cursor} set, as Airbyte's Gong connector takes it.
 */
public final class HostedPageFetcher implements PageFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(HostedPageFetcher.class);

    // Gong's 404 texts for an empty match, e.g. "No calls found corresponding to the provided filters".
    private static final Pattern NO_RECORDS = Pattern.compile("(?i)\\bno\\b.*\\bfound\\b");

    private final AirbyteApi api;
    private final HostedConnectors connectors;

    public HostedPageFetcher(AirbyteApi api, HostedConnectors connectors) {
        this.api = api;
        this.connectors = connectors;
    }

    @Override
    public GongPage fetch(GongRequest request) {
        GongOperation operation = request.operation();
        Map<String, Object> answer;
        try {
            answer = api.postJson(operation.name(), executePath(operation.name()), executeBody(request));
        } catch (GongApiException e) {
            // NOTE: assumes Airbyte passes Gong's 404 "No calls found" through with its status and text; Gong's
            // open-source behaviour (an empty result) is kept only when it does.
            if (e.getStatusCode() == 404 && operation.emptyOnNotFound()
                && e.getErrors().stream().anyMatch(text -> NO_RECORDS.matcher(text).find())) {
                LOG.debug("Airbyte {} found no records", operation.name());
                return GongPage.empty(null);
            }
            throw e;
        }
        return toPage(operation, answer);
    }

    /**
     * Returns the execute path of the endpoint's connector, looking the connector up on first use.
     */
    String executePath(String operationName) {
        return "/api/v1/integrations/connectors/" + encode(connectors.connectorId(operationName))
               + "/execute";
    }

    /**
     * Builds the execute body: the entity, the action and the resolved params, named and nested as the reference
     * connector takes them.
     */
    static Map<String, Object> executeBody(GongRequest request) {
        GongOperation operation = request.operation();
        Map<String, Object> params = new LinkedHashMap<>(request.params());
        if (!operation.hostedOnly() && "POST".equals(operation.httpMethod())) {
            // The reference connector requires the filter object on the POST lists, as Gong does.
            params.putIfAbsent("filter", new LinkedHashMap<String, Object>());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity", operation.entity());
        body.put("action", operation.action());
        body.put("params", params);
        return body;
    }

    @SuppressWarnings("unchecked")
    static GongPage toPage(GongOperation operation, Map<String, Object> answer) {
        if (!answer.containsKey("result")) {
            throw new GongApiException(operation.name(), 200, null, List.of(),
                    "the Airbyte execute response has no 'result' field");
        }
        Object result = answer.get("result");
        Map<String, Object> pagination = pagination(answer.get("connector_metadata"));
        if (operation.kind() == OperationKind.GET) {
            Object record = unwrap(result, operation.recordsField());
            if (!(record instanceof Map)) {
                throw new GongApiException(operation.name(), 200, null, List.of(),
                        "the Airbyte execute response has no record in 'result'");
            }
            return new GongPage(List.of((Map<String, Object>) record), null, null, 1L);
        }
        if (result instanceof Map<?, ?> envelope && envelope.get("data") instanceof List<?> data) {
            return searchPage((Map<String, Object>) envelope, (List<Map<String, Object>>) data);
        }
        if (result instanceof Map<?, ?> gongAnswer && gongAnswer.get(operation.recordsField()) instanceof List<?>) {
            // Accepts a connector that returns Gong's whole response body instead of the extracted records.
            result = gongAnswer.get(operation.recordsField());
            pagination = pagination == null ? pagination(Map.of("pagination", gongAnswer.get("records"))) : pagination;
        }
        if (!(result instanceof List<?> records)) {
            throw new GongApiException(operation.name(), 200, null, List.of(),
                    "the Airbyte execute response has no record list in 'result'");
        }
        String cursor = pagination == null ? null : asString(pagination.get("cursor"));
        Long total = pagination != null && pagination.get("totalRecords") instanceof Number number
                ? number.longValue() : null;
        List<Map<String, Object>> list = (List<Map<String, Object>>) records;
        return new GongPage(list, cursor, null, total != null ? total : (long) list.size());
    }

    private static GongPage searchPage(Map<String, Object> envelope, List<Map<String, Object>> data) {
        String cursor = null;
        if (envelope.get("meta") instanceof Map<?, ?> meta && Boolean.TRUE.equals(meta.get("has_more"))) {
            cursor = asString(meta.get("cursor"));
        }
        // The search meta has no total, so none is reported.
        return new GongPage(data, cursor, null, null);
    }

    private static Object unwrap(Object result, String recordsField) {
        if (result instanceof Map<?, ?> map && map.get(recordsField) instanceof Map<?, ?> record) {
            return record;
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pagination(Object metadata) {
        if (metadata instanceof Map<?, ?> map && map.get("pagination") instanceof Map<?, ?> pagination) {
            return (Map<String, Object>) pagination;
        }
        return null;
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
