package io.camelgong.gong.examples;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongAuthMode;
import io.camelgong.gong.GongComponent;
import io.camelgong.gong.GongConstants;
import io.camelgong.gong.simulator.AirbyteSimulator;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.camelgong.gong.simulator.AirbyteSimulator.body;
import static org.assertj.core.api.Assertions.assertThat;

class HostedExampleRoutesTest extends CamelTestSupport {

    private AirbyteSimulator airbyte;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        airbyte = HostedExamplesMain.startSimulator();
        CamelContext context = super.createCamelContext();
        GongComponent gong = new GongComponent();
        gong.getConfiguration().setAuthMode(GongAuthMode.hosted);
        gong.getConfiguration().setAirbyteApiUrl(airbyte.url());
        gong.getConfiguration().setAirbyteClientId(AirbyteSimulator.CLIENT_ID);
        gong.getConfiguration().setAirbyteClientSecret(AirbyteSimulator.CLIENT_SECRET);
        context.addComponent("gong", gong);
        return context;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.setProperty("airbyte.workspace-name", HostedExamplesMain.SIMULATED_WORKSPACE);
        properties.setProperty("gong.hosted.from", "2024-11-01T00:00:00Z");
        properties.setProperty("gong.hosted.to", "2024-11-16T00:00:00Z");
        properties.setProperty("gong.oauth.redirect-url", "https://app.example/gong/oauth/callback");
        return properties;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new HostedCallsRoute(), new HostedOAuthRoute() };
    }

    @AfterEach
    void stopAirbyte() {
        airbyte.close();
    }

    @Test
    void callsRouteReadsAndSearches() {
        Exchange exchange = template.request("direct:hosted-calls", message -> { });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader("callCount")).isEqualTo(104);
        assertThat(exchange.getMessage().getBody(List.class)).hasSize(9);
        List<?> executes = airbyte.executeRequests(HostedExamplesMain.SIMULATED_CONNECTOR);
        assertThat(executes).hasSize(4);
        assertThat(body(airbyte.executeRequests(HostedExamplesMain.SIMULATED_CONNECTOR).get(2))
                .get("params").get("fields").toString()).isEqualTo("[[\"id\"],[\"emailAddress\"]]");
    }

    @Test
    void oauthFlowCreatesConnector() {
        String consentUrl = template.requestBodyAndHeader("direct:gong-connect", null, "userId", "user 42",
                String.class);
        Exchange callback = template.request("direct:gong-oauth-callback", message -> {
            message.getIn().setHeader("user", "user 42");
            message.getIn().setHeader("secret_id", "airbyte_oauth_secret");
        });

        assertThat(consentUrl).isEqualTo(airbyte.url() + "/consent?state=example");
        assertThat(callback.getException()).isNull();
        assertThat(callback.getMessage().getHeader(GongConstants.CONNECTOR_ID)).isEqualTo("c-user-42");
        assertThat(callback.getMessage().getBody(Map.class)).containsEntry("id", "c-user-42");
        List<LoggedRequest> initiate = airbyte.server().findAll(
                postRequestedFor(urlEqualTo("/api/v1/integrations/connectors/oauth/initiate")));
        assertThat(body(initiate.get(0)).get("redirect_url").asText())
                .isEqualTo("https://app.example/gong/oauth/callback?user=user+42");
        List<LoggedRequest> create = airbyte.server().findAll(
                postRequestedFor(urlEqualTo("/api/v1/integrations/connectors")));
        assertThat(body(create.get(0)).get("server_side_oauth_secret_id").asText()).isEqualTo("airbyte_oauth_secret");
        assertThat(body(create.get(0)).get("external_user_id").asText()).isEqualTo("user 42");
    }
}
