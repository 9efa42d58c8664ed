package io.camelgong.gong;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Component options are every endpoint's defaults, endpoint options win, and secrets stay out of what Camel prints.
 */
class EndpointConfigurationTest extends GongTestSupport {

    @Test
    void endpointCredentialsOverrideComponent() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/workspaces")).willReturn(okJson(
                "{\"requestId\":\"w\",\"workspaces\":[]}")));

        Exchange exchange = send("gong:workspaces/list?accessKey=other-key&accessKeySecret=other-secret", null);

        assertThat(exchange.getException()).isNull();
        String otherBasic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "other-key:other-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v2/workspaces"))
                .withHeader("Authorization", equalTo(otherBasic)));
    }

    @Test
    void plusOffsetInUriReachesGong() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/calls")).willReturn(okJson(
                "{\"requestId\":\"c\",\"records\":{\"totalRecords\":0},\"calls\":[]}")));

        Exchange exchange = send("gong:calls/list?fromDateTime=2026-01-01T09:00:00+02:00"
                                 + "&toDateTime=2026-01-02T09:00:00%2B02:00", null);

        assertThat(exchange.getException()).isNull();
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v2/calls"))
                .withQueryParam("fromDateTime", equalTo("2026-01-01T09:00:00+02:00"))
                .withQueryParam("toDateTime", equalTo("2026-01-02T09:00:00+02:00")));
    }

    @Test
    void componentCredentialsReachEveryEndpoint() {
        GongEndpoint endpoint = context.getEndpoint("gong:users/list", GongEndpoint.class);

        assertThat(endpoint.getConfiguration().getAccessKey()).isEqualTo(ACCESS_KEY);
        assertThat(endpoint.getConfiguration()).isNotSameAs(
                context.getComponent("gong", GongComponent.class).getConfiguration());
    }

    @Test
    void secretsAreMaskedInEndpointText() {
        GongEndpoint endpoint = context.getEndpoint(
                "gong:users/list?accessKey=visible-key-123&accessKeySecret=visible-secret-456", GongEndpoint.class);

        assertThat(endpoint.toString()).doesNotContain("visible-key-123").doesNotContain("visible-secret-456");
        assertThat(endpoint.getEndpointBaseUri()).doesNotContain("visible");
        assertThat(context.getEndpointRegistry().values().toString())
                .doesNotContain("visible-key-123").doesNotContain("visible-secret-456");
    }

    @Test
    void catalogOfEndpointIsExposed() {
        GongEndpoint endpoint = context.getEndpoint("gong:calls_extensive/list", GongEndpoint.class);

        assertThat(endpoint.getOperation().pathTemplate()).isEqualTo("/v2/calls/extensive");
        assertThat(endpoint.getConfiguration().parameterOptions()).isEqualTo(Map.of());
    }
}
