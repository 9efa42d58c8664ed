package io.camelgong.gong;

import java.util.Collection;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's readiness check through Camel's health-check API.
 */
class GongProducerHealthCheckTest extends GongWireMockTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // Camel registers producer checks only in an enabled producers repository (camel.health.producersEnabled).
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true);
        // The default exposure level reports a single result when every check is UP.
        HealthCheckRegistry.get(context).setExposureLevel("full");
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:users").routeId("users").to(uri("users/list", ""));
                from("direct:budget").routeId("budget")
                        .to(uri("users/list", "dailyRequestBudget=1&accessKey=BUDGETKEY&accessKeySecret=RAW(b-secret)"));
            }
        };
    }

    @Test
    void readyBeforeAnyRequest() {
        assertThat(gongChecks()).hasSize(2);
        assertThat(gongChecks()).allSatisfy(result -> assertThat(result.getState()).isEqualTo(HealthCheck.State.UP));
    }

    @Test
    void downAfterRepeatedAuthenticationFailures() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(aResponse().withStatus(401)
                .withBody("{\"requestId\":\"req-401\",\"errors\":[\"Company is inactive\"]}")));
        for (int i = 0; i < GongProducerHealthCheck.AUTHENTICATION_FAILURES_FOR_DOWN; i++) {
            template.send("direct:users", exchange -> {
            });
        }

        HealthCheck.Result result = gongCheck("users");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("rejected the credentials 3 times in a row")
                .contains("Company is inactive"));
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
        assertThat(result.getDetails()).containsEntry("gong.request.id", "req-401");
    }

    @Test
    void upAgainAfterSuccess() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(aResponse().withStatus(401)));
        for (int i = 0; i < GongProducerHealthCheck.AUTHENTICATION_FAILURES_FOR_DOWN; i++) {
            template.send("direct:users", exchange -> {
            });
        }
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(usersList())));
        template.requestBody("direct:users", null, List.class);

        assertThat(gongCheck("users").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void singleAuthenticationFailureStaysUp() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(aResponse().withStatus(401)));
        template.send("direct:users", exchange -> {
        });

        assertThat(gongCheck("users").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void downWhileBudgetIsSpent() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(usersList())));
        template.requestBody("direct:budget", null, List.class);
        template.send("direct:budget", exchange -> {
        });

        HealthCheck.Result result = gongCheck("budget");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("daily request budget of 1 requests"));
    }

    private Collection<HealthCheck.Result> gongChecks() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().startsWith("producer:gong-"))
                .toList();
    }

    private HealthCheck.Result gongCheck(String routeId) {
        boolean budgetRoute = "budget".equals(routeId);
        return gongChecks().stream()
                .filter(result -> budgetRoute == result.getDetails().get("endpoint").toString()
                        .contains("dailyRequestBudget"))
                .findFirst().orElseThrow();
    }
}
