package io.camelgong.gong.hosted;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongException;

/**
 * Finds the Airbyte Gong connector an endpoint runs on: the configured connectorId, or the single Gong connector of
 * the configured workspace or external user, looked up once and then kept. A failed lookup is not kept, so a
 * connector created later is found on the next message.
 */
public final class HostedConnectors {

    private static final Logger LOG = LoggerFactory.getLogger(HostedConnectors.class);

    private final AirbyteApi api;
    private volatile String connectorId;

    public HostedConnectors(AirbyteApi api) {
        this.api = api;
        this.connectorId = api.settings().connectorId();
    }

    /**
     * Returns the id of the connector to execute on, looking it up on first use.
     *
     * @throws GongException when the workspace or user has no Gong connector, or more than one
     */
    public String connectorId(String operation) {
        String id = connectorId;
        if (id != null) {
            return id;
        }
        synchronized (this) {
            if (connectorId == null) {
                HostedSettings settings = api.settings();
                connectorId = lookUp(operation, settings.workspaceName(), settings.externalUserId());
            }
            return connectorId;
        }
    }

    private String lookUp(String operation, String workspaceName, String externalUserId) {
        List<Map<String, Object>> connectors = list(operation, workspaceName, externalUserId);
        String selector = workspaceName != null ? "workspaceName=" + workspaceName : "externalUserId=" + externalUserId;
        if (connectors.isEmpty()) {
            throw new GongException(
                    "No Airbyte Gong connector found for " + selector + " (connector definition "
                                    + HostedSettings.GONG_DEFINITION_ID + "): create one with gong:connectors/create,"
                                    + " or check the name and organizationId");
        }
        if (connectors.size() > 1) {
            List<Object> ids = new ArrayList<>();
            connectors.forEach(connector -> ids.add(connector.get("id")));
            throw new GongException(
                    "Ambiguous Airbyte Gong connector for " + selector + ": found " + connectors.size()
                                    + " connectors " + ids + "; set connectorId to the one to use");
        }
        Object id = connectors.get(0).get("id");
        if (id == null) {
            throw new GongApiException(operation, 200, null, List.of(),
                    "the Airbyte connector lookup for " + selector + " returned a connector without an id");
        }
        LOG.info("Using Airbyte Gong connector {} for {}", id, selector);
        return id.toString();
    }

    /**
     * Lists the Gong connectors of a workspace or of an external user (give one of the two).
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String operation, String workspaceName, String externalUserId) {
        StringBuilder query = new StringBuilder(AirbyteApi.CONNECTORS_PATH).append('?');
        if (workspaceName != null) {
            query.append("workspace_name=").append(encode(workspaceName));
        } else {
            query.append("external_user_id=").append(encode(externalUserId));
        }
        query.append("&definition_id=").append(HostedSettings.GONG_DEFINITION_ID);
        Map<String, Object> answer = api.getJson(operation, query.toString());
        Object data = answer.get("data");
        if (!(data instanceof List<?> list)) {
            throw new GongApiException(operation, 200, null, List.of(),
                    "the Airbyte connector list has no 'data' array");
        }
        List<Map<String, Object>> connectors = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                connectors.add((Map<String, Object>) map);
            }
        }
        return connectors;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
