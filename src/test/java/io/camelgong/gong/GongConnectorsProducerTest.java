package io.camelgong.gong;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.simulator.AirbyteSimulator;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.camelgong.gong.simulator.AirbyteSimulator.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GongConnectorsProducerTest extends HostedTestSupport {

    private static final String CONNECTORS = "/api/v1/integrations/connectors";

    @Test
    void createFromAccessKey() {
        airbyte.givenCreate("c-new");

        Exchange exchange = template.request(
                "gong:connectors/create?workspaceName=acme&accessKey=KEY1&accessKeySecret=SECRET1", message -> { });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(GongConstants.CONNECTOR_ID)).isEqualTo("c-new");
        assertThat(exchange.getMessage().getBody(Map.class)).containsEntry("id", "c-new");
        JsonNode request = lastBody(CONNECTORS);
        assertThat(request.get("name").asText()).isEqualTo("Gong");
        assertThat(request.get("workspace_name").asText()).isEqualTo("acme");
        assertThat(request.get("definition_id").asText()).isEqualTo(AirbyteSimulator.GONG_DEFINITION_ID);
        assertThat(request.get("credentials").get("access_key").asText()).isEqualTo("KEY1");
        assertThat(request.get("credentials").get("access_key_secret").asText()).isEqualTo("SECRET1");
        assertThat(request.has("external_user_id")).isFalse();
    }

    @Test
    void createFromOAuthCredentials() {
        airbyte.givenCreate("c-oauth");
        Map<String, Object> credentials = Map.of("access_token", "at", "refresh_token", "rt");

        template.requestBodyAndHeader("gong:connectors/create?connectorName=Sales Gong", null, GongConstants.PARAMS,
                Map.of("external_user_id", "user-42", "credentials", credentials));

        JsonNode request = lastBody(CONNECTORS);
        assertThat(request.get("name").asText()).isEqualTo("Sales Gong");
        assertThat(request.get("external_user_id").asText()).isEqualTo("user-42");
        assertThat(request.get("credentials").get("refresh_token").asText()).isEqualTo("rt");
    }

    @Test
    void createFromOAuthOptions() {
        airbyte.givenCreate("c-oauth-options");

        template.requestBody("gong:connectors/create?workspaceName=acme&refreshToken=RT1&clientId=CID"
                             + "&clientSecret=CSECRET", (Object) null);

        JsonNode credentials = lastBody(CONNECTORS).get("credentials");
        assertThat(credentials.get("refresh_token").asText()).isEqualTo("RT1");
        assertThat(credentials.get("client_id").asText()).isEqualTo("CID");
        assertThat(credentials.get("client_secret").asText()).isEqualTo("CSECRET");
        assertThat(credentials.has("access_token")).isFalse();
        assertThat(credentials.has("access_key")).isFalse();
    }

    @Test
    void createFromOAuthSecretId() {
        airbyte.givenCreate("c-secret");

        Object answer = template.requestBody("gong:connectors/create?externalUserId=user-42",
                Map.of("secret_id", "airbyte_oauth_secret_123"));

        assertThat(answer).isEqualTo(Map.of("id", "c-secret", "name", "Gong"));
        JsonNode request = lastBody(CONNECTORS);
        assertThat(request.get("server_side_oauth_secret_id").asText()).isEqualTo("airbyte_oauth_secret_123");
        assertThat(request.has("credentials")).isFalse();
    }

    @Test
    void createWithoutCredentialsFails() {
        assertThatThrownBy(() -> template.requestBody("gong:connectors/create?workspaceName=acme", (Object) null))
                .cause()
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining("Missing Gong credentials for gong:connectors/create");
    }

    @Test
    void createWithoutOwnerFails() {
        assertThatThrownBy(() -> template.requestBody("gong:connectors/create?accessKey=k&accessKeySecret=s",
                (Object) null))
                .cause()
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining("Missing owner for gong:connectors/create");
    }

    @Test
    void oauthInitiateReturnsConsentUrl() {
        airbyte.givenOAuthInitiate("https://consent.example/authorize?state=abc");

        Exchange exchange = template.request(
                "gong:connectors/oauth_initiate?externalUserId=user-42&redirectUrl=https://app.example/callback",
                message -> { });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(GongConstants.CONSENT_URL))
                .isEqualTo("https://consent.example/authorize?state=abc");
        JsonNode request = lastBody(CONNECTORS + "/oauth/initiate");
        assertThat(request.get("external_user_id").asText()).isEqualTo("user-42");
        assertThat(request.get("redirect_url").asText()).isEqualTo("https://app.example/callback");
        assertThat(request.get("definition_id").asText()).isEqualTo(AirbyteSimulator.GONG_DEFINITION_ID);
    }

    @Test
    void oauthInitiateWithoutRedirectFails() {
        assertThatThrownBy(() -> template.requestBody("gong:connectors/oauth_initiate?workspaceName=acme",
                (Object) null))
                .cause()
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining("Missing redirect URL");
    }

    @Test
    void listReturnsConnectors() {
        airbyte.givenConnectors("workspace_name", "acme", "c-1", "c-2");

        Exchange exchange = template.request("gong:connectors/list?workspaceName=acme", message -> { });

        List<?> connectors = exchange.getMessage().getBody(List.class);
        assertThat(connectors).hasSize(2);
        assertThat(((Map<?, ?>) connectors.get(0)).get("id")).isEqualTo("c-1");
        assertThat(exchange.getMessage().getHeader(GongConstants.TOTAL_RECORDS)).isEqualTo(2L);
    }

    @Test
    void deleteRemovesConnector() {
        airbyte.givenDelete("c-old");

        Exchange exchange = template.request("gong:connectors/delete?connectorId=c-old", message -> { });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(GongConstants.CONNECTOR_ID)).isEqualTo("c-old");
        airbyte.server().verify(1, deleteRequestedFor(urlEqualTo(CONNECTORS + "/c-old")));
    }

    @Test
    void deleteOfUnknownConnectorMapsStatus() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("gong:connectors/delete", null, GongConstants.PARAMS,
                Map.of("connector_id", "c-missing")))
                .cause()
                .isInstanceOfSatisfying(GongApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404))
                .hasMessageContaining("connectors/delete");
    }

    @Test
    void unknownParameterIsRejected() {
        assertThatThrownBy(() -> template.requestBody("gong:connectors/list?workspaceName=acme",
                Map.of("connectorId", "c-1")))
                .cause()
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining("Unknown parameter 'connectorId' for gong:connectors/list");
    }

    private JsonNode lastBody(String path) {
        List<LoggedRequest> requests = airbyte.server().findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).isNotEmpty();
        return body(requests.get(requests.size() - 1));
    }
}
