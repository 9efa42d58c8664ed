package io.camelgong.gong;

import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.hosted.HostedSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostedValidationTest extends CamelTestSupport {

    private static final String CREDENTIALS = "airbyteClientId=client&airbyteClientSecret=secret";

    @Test
    void hostedNeedsNoAccessKey() {
        Endpoint endpoint = context.getEndpoint("gong:users/list?authMode=hosted&connectorId=c-1&" + CREDENTIALS);

        assertThat(endpoint).isInstanceOf(GongEndpoint.class);
        assertThat(((GongEndpoint) endpoint).isHosted()).isTrue();
        assertThat(((GongEndpoint) endpoint).getServiceUrl()).isEqualTo("https://api.airbyte.ai");
    }

    @Test
    void airbyteClientIdImpliesHosted() {
        GongEndpoint endpoint = (GongEndpoint) context.getEndpoint("gong:users/list?connectorId=c-1&" + CREDENTIALS);

        assertThat(endpoint.isHosted()).isTrue();
    }

    @Test
    void gongCredentialsWinOverInference() {
        GongEndpoint endpoint = (GongEndpoint) context.getEndpoint(
                "gong:users/list?refreshToken=rt&clientId=cid&clientSecret=cs&" + CREDENTIALS);

        assertThat(endpoint.isHosted()).isFalse();
        assertThat(endpoint.getAuthMode()).isEqualTo(GongAuthMode.oauth);
    }

    @Test
    void hostedEndpointReportsHostedMode() {
        GongEndpoint endpoint = (GongEndpoint) context.getEndpoint("gong:users/list?connectorId=c-1&" + CREDENTIALS);

        assertThat(endpoint.getAuthMode()).isEqualTo(GongAuthMode.hosted);
    }

    @Test
    void missingClientSecretIsRejected() {
        assertRejected("gong:users/list?authMode=hosted&connectorId=c-1&airbyteClientId=client",
                "Missing option airbyteClientSecret for hosted execution");
    }

    @Test
    void missingClientCredentialsAreRejected() {
        assertRejected("gong:users/list?authMode=hosted&connectorId=c-1",
                "Missing option airbyteClientId and airbyteClientSecret for hosted execution");
    }

    @Test
    void missingConnectorIsRejected() {
        assertRejected("gong:users/list?authMode=hosted&" + CREDENTIALS,
                "Missing connector for hosted execution: set exactly one of connectorId");
    }

    @Test
    void twoConnectorSelectorsAreRejected() {
        assertRejected("gong:users/list?authMode=hosted&connectorId=c-1&workspaceName=acme&" + CREDENTIALS,
                "Conflicting options [connectorId, workspaceName] for hosted execution");
    }

    @Test
    void plainHttpToRemoteAirbyteIsRejected() {
        assertRejected("gong:users/list?authMode=hosted&connectorId=c-1&airbyteApiUrl=http://api.airbyte.example&"
                       + CREDENTIALS,
                "Invalid option airbyteApiUrl='http://api.airbyte.example': plain http would send credentials");
    }

    @Test
    void airbyteUrlWithPathIsRejected() {
        assertRejected("gong:users/list?authMode=hosted&connectorId=c-1&airbyteApiUrl=https://api.airbyte.ai/api/v1&"
                       + CREDENTIALS,
                "e.g. https://api.airbyte.ai (the component adds the API paths)");
    }

    @Test
    void accessKeyModeStillNeedsAccessKey() {
        assertRejected("gong:users/list?authMode=accessKey&" + CREDENTIALS, "Missing option 'accessKey'");
    }

    @Test
    void unknownConnectorsActionIsRejected() {
        assertRejected("gong:connectors/update?" + CREDENTIALS,
                "Unknown action 'update' for gong:connectors: expected one of [create, list, delete, oauth_initiate]");
    }

    @Test
    void connectorsEndpointNeedsOnlyAirbyteCredentials() {
        assertThat(context.getEndpoint("gong:connectors/list?" + CREDENTIALS)).isInstanceOf(GongEndpoint.class);
        assertRejected("gong:connectors/list", "Missing option airbyteClientId and airbyteClientSecret");
    }

    @Test
    void secretIsMaskedInSettings() {
        GongEndpoint endpoint = (GongEndpoint) context.getEndpoint(
                "gong:users/list?connectorId=c-1&airbyteClientId=client&airbyteClientSecret=very-secret");

        assertThat(HostedSettings.of(endpoint.getConfiguration()).toString())
                .doesNotContain("very-secret")
                .contains("airbyteClientSecret=***");
    }

    private void assertRejected(String uri, String message) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining(message);
    }
}
