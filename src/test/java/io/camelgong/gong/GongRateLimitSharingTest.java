package io.camelgong.gong;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One limiter per tenant, shared by every endpoint of the tenant and separate for other tenants.
 */
class GongRateLimitSharingTest extends GongWireMockTestSupport {

    private static final String OTHER_TENANT = "accessKey=SECONDKEY&accessKeySecret=RAW(second-secret)";

    @Override
    protected void configureComponent(GongConfiguration configuration) {
        super.configureComponent(configuration);
        configuration.setRateLimit(5);
    }

    @Test
    void endpointsOfOneTenantShareRate() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(usersList())));
        String first = uri("users/list", "");
        String second = uri("users/list", "includeAvatars=true");
        template.requestBody(first, null, List.class);

        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            template.requestBody(second, null, List.class);
            template.requestBody(first, null, List.class);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        // 10 requests at 5 per second through one limiter take about 2 s; two limiters would take about 1 s.
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1_800);
    }

    @Test
    void tenantsHaveSeparateLimiters() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(usersList())));
        String first = uri("users/list", "");
        String other = uri("users/list", OTHER_TENANT);
        template.requestBody(first, null, List.class);
        template.requestBody(other, null, List.class);

        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            template.requestBody(other, null, List.class);
            template.requestBody(first, null, List.class);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        // Each tenant sends 3 requests 204 ms apart, about 0.6 s; one shared limiter would take about 1.2 s.
        assertThat(elapsedMillis).isBetween(500L, 1_100L);
    }

    @Test
    void rateLimitPausesWholeTenant() throws InterruptedException {
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).inScenario("storm").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("calm"));
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).inScenario("storm").whenScenarioStateIs("calm")
                .willReturn(okJson(usersList())));
        String first = uri("users/list", "");
        String second = uri("users/list", "includeAvatars=true");
        Thread limited = new Thread(() -> template.requestBody(first, null, List.class));

        limited.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> !wireMock.getAllServeEvents().isEmpty());
        long start = System.nanoTime();
        template.requestBody(second, null, List.class);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        limited.join(5_000);

        // The second endpoint waits out the Retry-After that the first endpoint received.
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(700);
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/v2/users")));
    }

    @Test
    void pauseHoldsNoPooledConnection() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).inScenario("storm").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("calm"));
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).inScenario("storm").whenScenarioStateIs("calm")
                .willReturn(okJson(usersList())));
        // 30 callers take slots 50 ms apart at once, and the 429 pauses the tenant while they wait for them. The
        // pool has 20 connections, and waiting for one times out after connectTimeout.
        String endpoint = uri("users/list", "accessKey=POOLKEY&accessKeySecret=RAW(pool-secret)&rateLimit=20"
                                            + "&connectTimeout=300&maxRateLimitWait=10000");
        ExecutorService callers = Executors.newFixedThreadPool(30);
        List<Future<List<?>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                results.add(callers.submit(() -> template.requestBody(endpoint, null, List.class)));
            }
            for (Future<List<?>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).as("users of one caller").hasSize(9);
            }
        } finally {
            callers.shutdownNow();
        }

        // No caller held its connection through the pause, so every caller got one. The server received the 429, the
        // retry of its request and the 29 other requests.
        wireMock.verify(31, getRequestedFor(urlPathEqualTo("/v2/users")));
    }
}
