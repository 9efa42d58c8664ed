package io.camelgong.gong;

import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelgong.gong.simulator.AirbyteSimulator.recordedAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Airbyte's rate limiting and server errors get the retry policy of direct Gong requests; requests that change
 * connectors are not sent twice after a failure that may have reached Airbyte.
 */
class HostedRetryTest extends HostedTestSupport {

    private static final String EXECUTE_PATH = "/api/v1/integrations/connectors/" + CONNECTOR_ID + "/execute";
    private static final String RETRY_OPTIONS = "retryDelay=10&maxRetryDelay=20";

    @Test
    void executeRetriedAfterServerError() {
        airbyte.givenGongAnswer(CONNECTOR_ID, "users", "list", recordedAnswer("users_list"), "users");
        failFirst(EXECUTE_PATH, aResponse().withStatus(503).withBody("{\"detail\":\"try again\"}"));

        Exchange exchange = template.request(hosted("users/list", RETRY_OPTIONS), message -> { });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).hasSize(9);
        airbyte.server().verify(2, postRequestedFor(urlPathEqualTo(EXECUTE_PATH)));
    }

    @Test
    void executeWaitsForRetryAfter() {
        airbyte.givenGongAnswer(CONNECTOR_ID, "users", "list", recordedAnswer("users_list"), "users");
        failFirst(EXECUTE_PATH, aResponse().withStatus(429).withHeader("Retry-After", "1"));

        long start = System.nanoTime();
        Exchange exchange = template.request(hosted("users/list", RETRY_OPTIONS), message -> { });
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(exchange.getException()).isNull();
        assertThat(waitedMillis).isGreaterThanOrEqualTo(1_000);
        airbyte.server().verify(2, postRequestedFor(urlPathEqualTo(EXECUTE_PATH)));
    }

    @Test
    void connectorCreateNotResentAfterServerError() {
        airbyte.givenCreate("c-new");
        failFirst("/api/v1/integrations/connectors", aResponse().withStatus(502));

        Exchange exchange = template.request("gong:connectors/create?workspaceName=acme&accessKey=KEY1"
                                             + "&accessKeySecret=SECRET1&" + RETRY_OPTIONS, message -> { });

        assertThat(exchange.getException()).isInstanceOfSatisfying(GongApiException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(502));
        airbyte.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/integrations/connectors")));
    }

    private void failFirst(String path, ResponseDefinitionBuilder response) {
        airbyte.server().stubFor(post(urlPathEqualTo(path)).atPriority(1)
                .inScenario("fail-first").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("failed")
                .willReturn(response));
    }
}
