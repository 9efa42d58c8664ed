package io.camelgong.gong.hosted;

import io.camelgong.gong.GongAuthMode;
import io.camelgong.gong.GongConfiguration;

/**
 * The hosted-execution options of one endpoint.
 *
 * @param apiUrl         Airbyte's API base URL without a trailing slash
 * @param clientId       the Airbyte application's client id
 * @param clientSecret   its client secret
 * @param organizationId the X-Organization-Id to send, or {@code null}
 * @param connectorId    the connector to execute on, or {@code null} to look it up
 * @param workspaceName  the workspace to look the connector up in, or {@code null}
 * @param externalUserId the end user to look the connector up for, or {@code null}
 */
public record HostedSettings(
        String apiUrl, String clientId, String clientSecret, String organizationId, String connectorId,
        String workspaceName, String externalUserId) {

    /** Airbyte's connector definition id of the Gong connector. */
    public static final String GONG_DEFINITION_ID = "32382e40-3b49-4b99-9c5c-4076501914e7";

    /**
     * Reads the hosted options of a configuration.
     */
    public static HostedSettings of(GongConfiguration configuration) {
        String url = configuration.getAirbyteApiUrl();
        if (url != null && url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return new HostedSettings(url, configuration.getAirbyteClientId(), configuration.getAirbyteClientSecret(),
                configuration.getOrganizationId(), configuration.getConnectorId(), configuration.getWorkspaceName(),
                configuration.getExternalUserId());
    }

    /**
     * Tells whether a configuration runs operations through Airbyte: authMode=hosted, or no authMode with an
     * airbyteClientId and neither access-key nor OAuth credentials.
     */
    public static boolean isHosted(GongConfiguration configuration) {
        if (configuration.getAuthMode() != null) {
            return configuration.getAuthMode() == GongAuthMode.hosted;
        }
        boolean gongCredentials = configuration.getAccessKey() != null || configuration.getAccessKeySecret() != null
                                  || configuration.getRefreshToken() != null || configuration.getAccessToken() != null
                                  || configuration.getClientId() != null || configuration.getClientSecret() != null;
        return configuration.getAirbyteClientId() != null && !gongCredentials;
    }

    /**
     * Returns a non-secret identity for logs and messages.
     */
    public String identity() {
        return "airbyteClientId=" + clientId + (organizationId != null ? ", organizationId=" + organizationId : "");
    }

    /**
     * Describes how the connector is found, for messages.
     */
    public String connectorSelector() {
        if (connectorId != null) {
            return "connectorId=" + connectorId;
        }
        return workspaceName != null ? "workspaceName=" + workspaceName : "externalUserId=" + externalUserId;
    }

    @Override
    public String toString() {
        return "HostedSettings[" + apiUrl + ", " + identity() + ", airbyteClientSecret=***, " + connectorSelector()
               + "]";
    }
}
