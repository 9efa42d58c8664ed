package io.camelgong.gong.auth;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The producer's readiness check with OAuth credentials that need a new consent.
 */
class OAuthProducerHealthTest extends OAuthTestSupport {

    @Test
    void downAtOnceAfterInvalidGrant() {
        String spent = token("refresh0");
        gong.stubFor(refreshRequest(spent).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
        GongConfiguration configuration = oauthConfiguration(spent);
        configuration.setStateFile(tempDir.resolve("state.properties").toString());
        CamelContext context = startContext(configuration);
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        HealthCheckRegistry.get(context).setExposureLevel("full");

        assertThatThrownBy(() -> context.createProducerTemplate().requestBody("gong:users/list", (Object) null));
        HealthCheck.Result result = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(check -> check.getCheck().getId().startsWith("producer:gong-"))
                .findFirst().orElseThrow();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("no longer work until a person acts")
                .contains("consent again")
                .doesNotContain(spent)
                .doesNotContain(CLIENT_SECRET));
    }
}
