package io.camelgong.gong;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.hosted.AirbyteApi;
import io.camelgong.gong.hosted.ConnectorAction;
import io.camelgong.gong.hosted.HostedSettings;

/**
 * Manages Gong connectors in Airbyte for hosted execution: gong:connectors/create, list, delete and oauth_initiate.
 * Parameters come from endpoint options, overridden by the CamelGongParams header (or a Map body) with Airbyte's
 * names: name, workspace_name, external_user_id, credentials, server_side_oauth_secret_id (or secret_id),
 * redirect_url and connector_id.
 */
public class GongConnectorsProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(GongConnectorsProducer.class);

    private static final String OAUTH_INITIATE_PATH = "/api/v1/integrations/connectors/oauth/initiate";
    private static final String DEFAULT_NAME = "Gong";

    private final GongEndpoint endpoint;
    private final ConnectorAction action;

    public GongConnectorsProducer(GongEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.action = ConnectorAction.of(endpoint.getAction());
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Map<String, Object> params = messageParams(message);
        message.setHeader(GongConstants.ENTITY, ConnectorAction.ENTITY);
        message.setHeader(GongConstants.ACTION, action.name());
        switch (action) {
            case create -> create(message, params);
            case list -> list(message, params);
            case delete -> delete(message, params);
            case oauth_initiate -> initiateOAuth(message, params);
        }
    }

    private void create(Message message, Map<String, Object> params) {
        GongConfiguration configuration = endpoint.getConfiguration();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", text(params, "name", configuration.getConnectorName(), DEFAULT_NAME));
        putOwner(body, params);
        body.put("definition_id", HostedSettings.GONG_DEFINITION_ID);
        putCredentials(body, params);

        Map<String, Object> answer = api().postJsonChange(operationName(), "/api/v1/integrations/connectors", body);
        Object id = answer.get("id");
        LOG.info("Created Airbyte Gong connector {} for {}", id, owner(body));
        message.setBody(answer);
        message.setHeader(GongConstants.CONNECTOR_ID, id == null ? null : id.toString());
    }

    private void list(Message message, Map<String, Object> params) {
        Map<String, Object> owner = new LinkedHashMap<>();
        putOwner(owner, params);
        List<Map<String, Object>> connectors = endpoint.getHostedConnectors().list(operationName(),
                (String) owner.get("workspace_name"), (String) owner.get("external_user_id"));
        message.setBody(connectors);
        message.setHeader(GongConstants.TOTAL_RECORDS, (long) connectors.size());
    }

    private void delete(Message message, Map<String, Object> params) {
        String connectorId = text(params, "connector_id", endpoint.getConfiguration().getConnectorId(), null);
        if (connectorId == null) {
            throw new GongValidationException(
                    "Missing connector id for gong:connectors/delete: set the endpoint option connectorId or the"
                                              + " entry connector_id of the CamelGongParams header (or Map body)");
        }
        Map<String, Object> answer = api().delete(operationName(),
                "/api/v1/integrations/connectors/" + encode(connectorId));
        LOG.info("Deleted Airbyte Gong connector {}", connectorId);
        message.setBody(answer);
        message.setHeader(GongConstants.CONNECTOR_ID, connectorId);
    }

    private void initiateOAuth(Message message, Map<String, Object> params) {
        GongConfiguration configuration = endpoint.getConfiguration();
        String redirectUrl = text(params, "redirect_url", configuration.getRedirectUrl(), null);
        if (redirectUrl == null) {
            throw new GongValidationException(
                    "Missing redirect URL for gong:connectors/oauth_initiate: set the endpoint option redirectUrl"
                                              + " or the entry redirect_url of the CamelGongParams header (or Map"
                                              + " body) to the URL of your callback");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        putOwner(body, params);
        body.put("definition_id", HostedSettings.GONG_DEFINITION_ID);
        body.put("redirect_url", redirectUrl);
        String name = text(params, "name", configuration.getConnectorName(), null);
        if (name != null) {
            body.put("name", name);
        }

        Map<String, Object> answer = api().postJsonChange(operationName(), OAUTH_INITIATE_PATH, body);
        Object consentUrl = answer.get("consent_url");
        if (consentUrl == null) {
            throw new GongApiException(operationName(), 200, null, List.of(),
                    "the Airbyte OAuth response has no consent_url");
        }
        message.setBody(answer);
        message.setHeader(GongConstants.CONSENT_URL, consentUrl.toString());
    }

    /**
     * Puts exactly one of workspace_name and external_user_id: from the message when it names either, otherwise
     * from the endpoint options.
     */
    private void putOwner(Map<String, Object> body, Map<String, Object> params) {
        String workspace = text(params, "workspace_name", null, null);
        String user = text(params, "external_user_id", null, null);
        if (workspace == null && user == null) {
            workspace = endpoint.getConfiguration().getWorkspaceName();
            user = endpoint.getConfiguration().getExternalUserId();
        }
        if (workspace == null == (user == null)) {
            throw new GongValidationException(
                    (workspace == null ? "Missing" : "Conflicting") + " owner for gong:connectors/" + action.name()
                                              + ": give exactly one of workspaceName and externalUserId (endpoint"
                                              + " options, or the entries workspace_name and external_user_id of"
                                              + " the CamelGongParams header)");
        }
        if (workspace != null) {
            body.put("workspace_name", workspace);
        } else {
            body.put("external_user_id", user);
        }
    }

    private void putCredentials(Map<String, Object> body, Map<String, Object> params) {
        Object credentials = params.get("credentials");
        String secretId = text(params, "server_side_oauth_secret_id", text(params, "secret_id", null, null), null);
        if (credentials != null && secretId != null) {
            throw new GongValidationException(
                    "Conflicting parameters for gong:connectors/create: give either credentials or"
                                              + " server_side_oauth_secret_id, not both");
        }
        if (secretId != null) {
            body.put("server_side_oauth_secret_id", secretId);
            return;
        }
        if (credentials instanceof Map<?, ?> map && !map.isEmpty()) {
            body.put("credentials", map);
            return;
        }
        if (credentials != null) {
            throw new GongValidationException(
                    "Invalid parameter 'credentials' for gong:connectors/create: expected a Map such as"
                                              + " {access_key, access_key_secret} or {access_token, refresh_token,"
                                              + " client_id, client_secret}");
        }
        Map<String, Object> fromOptions = credentialsFromOptions(endpoint.getConfiguration());
        if (fromOptions == null) {
            throw new GongValidationException(
                    "Missing Gong credentials for gong:connectors/create: set the endpoint options accessKey and"
                                              + " accessKeySecret (or refreshToken, clientId and clientSecret), or"
                                              + " the entry credentials (or server_side_oauth_secret_id from the"
                                              + " OAuth callback) of the CamelGongParams header (or Map body)");
        }
        body.put("credentials", fromOptions);
    }

    /**
     * Returns the Gong credentials of the endpoint's access-key or OAuth options with the field names of Airbyte's
     * Gong connector, or {@code null} when neither is set.
     */
    private static Map<String, Object> credentialsFromOptions(GongConfiguration configuration) {
        boolean accessKey = configuration.getAccessKey() != null && configuration.getAccessKeySecret() != null;
        boolean oauth = configuration.getRefreshToken() != null || configuration.getAccessToken() != null;
        if (accessKey && oauth) {
            throw new GongValidationException(
                    "Conflicting Gong credentials for gong:connectors/create: both accessKey and OAuth options"
                                              + " (refreshToken, accessToken) are set; keep the options of one mode");
        }
        Map<String, Object> credentials = new LinkedHashMap<>();
        if (accessKey) {
            credentials.put("access_key", configuration.getAccessKey());
            credentials.put("access_key_secret", configuration.getAccessKeySecret());
            return credentials;
        }
        if (!oauth) {
            return null;
        }
        putIfSet(credentials, "access_token", configuration.getAccessToken());
        putIfSet(credentials, "refresh_token", configuration.getRefreshToken());
        putIfSet(credentials, "client_id", configuration.getClientId());
        putIfSet(credentials, "client_secret", configuration.getClientSecret());
        return credentials;
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> messageParams(Message message) {
        Object source = message.getHeader(GongConstants.PARAMS);
        if (source == null && message.getBody() instanceof Map<?, ?> body) {
            source = body;
        }
        if (source == null) {
            return Map.of();
        }
        if (!(source instanceof Map<?, ?> map)) {
            throw new GongValidationException(
                    "Invalid header " + GongConstants.PARAMS + ": expected a java.util.Map of parameters, got "
                                              + source.getClass().getName());
        }
        for (Object key : map.keySet()) {
            if (!action.params().contains(String.valueOf(key))) {
                throw new GongValidationException(
                        "Unknown parameter '" + key + "' for gong:connectors/" + action.name() + ": expected one of "
                                                  + action.params());
            }
        }
        return (Map<String, Object>) map;
    }

    private static String text(Map<String, Object> params, String name, String fallback, String defaultValue) {
        Object value = params.get(name);
        if (value != null && !value.toString().isBlank()) {
            return value.toString();
        }
        return fallback != null ? fallback : defaultValue;
    }

    private static String owner(Map<String, Object> body) {
        return body.containsKey("workspace_name")
                ? "workspace_name=" + body.get("workspace_name") : "external_user_id=" + body.get("external_user_id");
    }

    private String operationName() {
        return ConnectorAction.ENTITY + "/" + action.name();
    }

    private AirbyteApi api() {
        return endpoint.getAirbyteApi();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
