package io.camelgong.gong;

import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The producer under network faults, Gong errors and unreadable responses, against WireMock.
 */
class GongFaultTest extends GongWireMockTestSupport {

    private static final String USERS = "/v2/users";
    private static final String WORKSPACES = "/v2/workspaces";
    private static final String OTHER_TENANT = "accessKey=OTHERKEY&accessKeySecret=RAW(other-secret)";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(GongApiException.class).handled(true)
                        .setBody(simple("handled ${exception.statusCode}"));
                from("direct:users").to(uri("users/list", "maxRetries=1"));
            }
        };
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {
            "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE" })
    void faultThenSuccessRetries(Fault fault) {
        stubFirstThen(aResponse().withFault(fault), okJson(usersList()));

        List<?> users = template.requestBody(uri("users/list", ""), null, List.class);

        assertThat(users).hasSize(9);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {
            "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE" })
    void persistentFaultGivesUpAfterMaxRetries(Fault fault) {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withFault(fault)));

        GongApiException failure = failure(uri("users/list", "maxRetries=2"));

        assertThat(failure.getStatusCode()).isZero();
        assertThat(failure.getOperation()).isEqualTo("users/list");
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void delayBeyondReadTimeoutRetries() {
        stubFirstThen(okJson(usersList()).withFixedDelay(1500), okJson(usersList()));

        List<?> users = template.requestBody(uri("users/list", "readTimeout=300"), null, List.class);

        assertThat(users).hasSize(9);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void persistentDelayFailsWithTimeout() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson(usersList()).withFixedDelay(1500)));

        GongApiException failure = failure(uri("users/list", "readTimeout=200&maxRetries=1"));

        assertThat(failure.getStatusCode()).isZero();
        assertThat(failure).hasRootCauseInstanceOf(SocketTimeoutException.class);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void status503ThenSuccess() {
        stubFirstThen(aResponse().withStatus(503).withBody("Service Unavailable"), okJson(usersList()));

        List<?> users = template.requestBody(uri("users/list", ""), null, List.class);

        assertThat(users).hasSize(9);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void postIsResentWithSameBody() {
        String path = "/v2/calls/extensive";
        wireMock.stubFor(post(urlPathEqualTo(path)).inScenario("post").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wireMock.stubFor(post(urlPathEqualTo(path)).inScenario("post").whenScenarioStateIs("up")
                .willReturn(okJson(extensivePage(null, "101"))));

        List<?> calls = template.requestBody(uri("calls_extensive/list", "callIds=101"), null, List.class);

        assertThat(calls).hasSize(1);
        wireMock.verify(2, postRequestedFor(urlPathEqualTo(path))
                .withRequestBody(matchingJsonPath("$.filter.callIds[0]", equalTo("101"))));
    }

    @Test
    void persistent500GivesUpAfterMaxRetries() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(500)
                .withBody("{\"requestId\":\"req-500\",\"errors\":[\"Internal error\"]}")));

        GongApiException failure = failure(uri("users/list", "maxRetries=3"));

        assertThat(failure.getStatusCode()).isEqualTo(500);
        assertThat(failure.getRequestId()).isEqualTo("req-500");
        wireMock.verify(4, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void rateLimitStormNotCountedAsFailure() {
        stubTimesThen(4, aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody("{\"requestId\":\"req-429\",\"errors\":[\"Too many requests\"]}"), okJson(usersList()));

        List<?> users = template.requestBody(uri("users/list", "maxRetries=0"), null, List.class);

        assertThat(users).hasSize(9);
        wireMock.verify(5, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void rateLimitWaitsForRetryAfterSeconds() {
        stubFirstThen(aResponse().withStatus(429).withHeader("Retry-After", "1"), okJson(usersList()));

        long start = System.nanoTime();
        template.requestBody(uri("users/list", ""), null, List.class);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1000);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void rateLimitStormWithoutRetryAfterBacksOff() {
        stubTimesThen(4, aResponse().withStatus(429), okJson(usersList()));

        List<?> users = template.requestBody(uri("users/list", "maxRetries=0"), null, List.class);

        assertThat(users).hasSize(9);
        wireMock.verify(5, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void endlessRateLimitGivesUpAfterMaxWait() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "0").withBody("{\"requestId\":\"req-429\",\"errors\":[\"slow down\"]}")));

        long start = System.nanoTime();
        GongApiException failure = failure(uri("users/list", "maxRateLimitWait=400"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(failure).isInstanceOf(GongRateLimitedException.class);
        assertThat(failure.getRequestId()).isEqualTo("req-429");
        assertThat(elapsedMillis).isBetween(300L, 3000L);
    }

    @Test
    void zeroRateLimitWaitFailsAtOnce() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(429)));

        GongApiException failure = failure(uri("users/list", "maxRateLimitWait=0"));

        assertThat(failure).isInstanceOf(GongRateLimitedException.class);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void badRequestIsNotRetried() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(400)
                .withBody("{\"requestId\":\"req-400\",\"errors\":[\"Invalid cursor\"]}")));

        GongApiException failure = failure(uri("users/list", ""));

        assertThat(failure.getStatusCode()).isEqualTo(400);
        assertThat(failure.getErrors()).containsExactly("Invalid cursor");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void forbiddenIsNotRetriedAndNamesScope() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(403)
                .withBody("{\"requestId\":\"req-403\",\"errors\":[\"You don't have permission to use"
                          + " 'api:users:read'\"]}")));

        GongApiException failure = failure(uri("users/list", ""));

        assertThat(failure.getStatusCode()).isEqualTo(403);
        assertThat(failure).hasMessageContaining("api:users:read");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void notFoundOnGetIsNotRetried() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/calls/123")).willReturn(aResponse().withStatus(404)
                .withBody("{\"requestId\":\"req-404\",\"errors\":[\"Call ID was not found\"]}")));

        GongApiException failure = failure(uri("calls/get", "id=123"));

        assertThat(failure.getStatusCode()).isEqualTo(404);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v2/calls/123")));
    }

    @Test
    void revokedTokenIsNotRetried() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(401)
                .withBody("{\"requestId\":\"req-401\",\"errors\":[\"access token has been revoked\"]}")));

        GongApiException failure = failure(uri("users/list", ""));

        assertThat(failure).isInstanceOf(GongAuthenticationException.class);
        assertThat(failure.getErrors()).containsExactly("access token has been revoked");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void inactiveCompanyIsNotRetried() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(401)
                .withBody("{\"requestId\":\"req-401b\",\"errors\":[\"Company is inactive\"]}")));

        GongApiException failure = failure(uri("users/list", ""));

        assertThat(failure).isInstanceOf(GongAuthenticationException.class);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void malformedJsonFailsWithExcerpt() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"requestId\": \"req-x\", users: [}")));

        GongApiException failure = failure(uri("users/list", ""));

        assertThat(failure.getStatusCode()).isEqualTo(200);
        assertThat(failure).hasMessageContaining("users: [");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void truncatedBodyFailsWithExcerpt() {
        String body = usersList();
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body.substring(0, body.length() / 2))));

        GongApiException failure = failure(uri("users/list", ""));

        assertThat(failure.getStatusCode()).isEqualTo(200);
        assertThat(failure).hasMessageContaining("unreadable JSON").hasMessageContaining("requestId");
    }

    @Test
    void htmlErrorPageFailsWithStatusAndExcerpt() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));

        GongApiException failure = failure(uri("users/list", "maxRetries=1"));

        assertThat(failure.getStatusCode()).isEqualTo(502);
        assertThat(failure).hasMessageContaining("502 Bad Gateway");
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void answerWithoutRecordsFieldFails() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("{\"requestId\":\"req-200\",\"records\":{}}")));

        GongApiException failure = failure(uri("users/list", ""));

        assertThat(failure.getStatusCode()).isEqualTo(200);
        assertThat(failure.getRequestId()).isEqualTo("req-200");
        assertThat(failure).hasMessageContaining("no 'users' field");
    }

    @Test
    void routeErrorHandlerReceivesFailure() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(400)));

        String body = template.requestBody("direct:users", null, String.class);

        assertThat(body).isEqualTo("handled 400");
    }

    @Test
    void requestTimeoutBoundsRateLimiterWait() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson(usersList())));
        // A tenant of its own, because the first endpoint of a tenant sets its limiter.
        String slow = uri("users/list", "rateLimit=0.2&requestTimeout=500&" + OTHER_TENANT);
        template.requestBody(slow, null, List.class);

        TimedFailure timed = timedFailure(slow);

        assertThat(timed.failure()).hasMessageContaining("timed out after requestTimeout=500 ms");
        assertThat(timed.elapsedMillis()).isLessThan(3000);
        assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag left on the caller").isFalse();
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void requestTimeoutStopsRetries() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(503)));

        TimedFailure timed = timedFailure(uri("users/list",
                "maxRetries=100&retryDelay=200&maxRetryDelay=200&requestTimeout=700"));

        // 100 retries 200 ms apart would take 20 s.
        assertThat(timed.failure()).hasMessageContaining("requestTimeout=700");
        assertThat(timed.elapsedMillis()).isLessThan(3000);
        assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag left on the caller").isFalse();
    }

    @Test
    void requestTimeoutShortensBackoff() {
        wireMock.stubFor(get(urlPathEqualTo(WORKSPACES)).willReturn(aResponse().withStatus(503)));

        // Other tests leave delayed requests to /v2/users that WireMock may record late, so these count another path.
        TimedFailure timed = timedFailure(uri("workspaces/list",
                "maxRetries=5&retryDelay=10000&maxRetryDelay=10000&requestTimeout=700"));

        // The first backoff alone would last 5 to 10 s. It ends at the deadline instead, and no attempt follows.
        assertThat(timed.failure()).hasMessageContaining("timed out after requestTimeout=700 ms");
        assertThat(timed.elapsedMillis()).isBetween(600L, 4000L);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(WORKSPACES)));
    }

    @Test
    void requestTimeoutShortensRetryAfterWait() {
        wireMock.stubFor(get(urlPathEqualTo(WORKSPACES)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "10")));
        String endpoint = uri("workspaces/list", "requestTimeout=700&maxRateLimitWait=60000&" + OTHER_TENANT);

        TimedFailure first = timedFailure(endpoint);

        assertThat(first.failure()).hasMessageContaining("timed out after requestTimeout=700 ms");
        assertThat(first.elapsedMillis()).isBetween(600L, 4000L);

        // The tenant still waits the whole Retry-After of 10 s, so the next request fails at once without being sent.
        TimedFailure second = timedFailure(endpoint);

        assertThat(second.failure()).hasMessageContaining("pause after Gong's 429");
        assertThat(second.elapsedMillis()).isLessThan(600);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(WORKSPACES)));
    }

    @Test
    void spentDailyBudgetFailsWithoutRequest() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson(usersList())));
        String endpoint = uri("users/list", "dailyRequestBudget=2&" + OTHER_TENANT);
        template.requestBody(endpoint, null, List.class);
        template.requestBody(endpoint, null, List.class);

        GongApiException failure = failure(endpoint);

        assertThat(failure).isInstanceOf(GongBudgetExhaustedException.class);
        assertThat(failure).hasMessageContaining("daily request budget of 2 requests");
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void expiredCursorRestartsWindowWithoutDuplicates() {
        String path = "/v2/calls/extensive";
        wireMock.stubFor(post(urlPathEqualTo(path)).withRequestBody(notContaining("\"cursor\""))
                .willReturn(okJson(extensivePage("c1", "101", "102"))));
        wireMock.stubFor(post(urlPathEqualTo(path)).inScenario("expiry").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.cursor", equalTo("c1")))
                .willReturn(aResponse().withStatus(400)
                        .withBody("{\"requestId\":\"req-exp\",\"errors\":[\"cursor has expired\"]}"))
                .willSetStateTo("restarted"));
        wireMock.stubFor(post(urlPathEqualTo(path)).inScenario("expiry").whenScenarioStateIs("restarted")
                .withRequestBody(matchingJsonPath("$.cursor", equalTo("c1")))
                .willReturn(okJson(extensivePage("c2", "102", "103"))));
        wireMock.stubFor(post(urlPathEqualTo(path))
                .withRequestBody(matchingJsonPath("$.cursor", equalTo("c2")))
                .willReturn(okJson(extensivePage(null, "104"))));

        List<Map<String, Object>> calls = template.requestBody(
                uri("calls_extensive/list", "fromDateTime=2026-01-01T00:00:00Z"), null, List.class);

        assertThat(calls).extracting(call -> ((Map<String, Object>) call.get("metaData")).get("id"))
                .containsExactly("101", "102", "103", "104");
        wireMock.verify(5, postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void expiredCursorOnFirstPageFails() {
        wireMock.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(400)
                .withBody("{\"requestId\":\"req-exp\",\"errors\":[\"cursor has expired\"]}")));

        GongApiException failure = failure(uri("users/list", "cursor=old"));

        assertThat(failure).isInstanceOf(GongCursorExpiredException.class);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }

    private static String extensivePage(String cursor, String... ids) {
        StringBuilder calls = new StringBuilder();
        for (String id : ids) {
            calls.append(calls.length() == 0 ? "" : ",").append("{\"metaData\":{\"id\":\"").append(id).append("\"}}");
        }
        String records = "{\"totalRecords\":4,\"currentPageSize\":" + ids.length
                         + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}";
        return "{\"requestId\":\"req-" + ids[0] + "\",\"records\":" + records + ",\"calls\":[" + calls + "]}";
    }

    private void stubFirstThen(
            ResponseDefinitionBuilder first,
            ResponseDefinitionBuilder then) {
        stubTimesThen(1, first, then);
    }

    private void stubTimesThen(
            int times, ResponseDefinitionBuilder failing,
            ResponseDefinitionBuilder then) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= times; i++) {
            String next = "after-" + i;
            wireMock.stubFor(get(urlPathEqualTo(USERS)).inScenario("faults").whenScenarioStateIs(state)
                    .willReturn(failing).willSetStateTo(next));
            state = next;
        }
        wireMock.stubFor(get(urlPathEqualTo(USERS)).inScenario("faults").whenScenarioStateIs(state).willReturn(then));
    }

    private TimedFailure timedFailure(String endpointUri) {
        long start = System.nanoTime();
        GongApiException failure = failure(endpointUri);
        return new TimedFailure(failure, (System.nanoTime() - start) / 1_000_000);
    }

    private record TimedFailure(GongApiException failure, long elapsedMillis) {
    }

    private GongApiException failure(String endpointUri) {
        Throwable thrown = catchThrowable(() -> template.requestBody(endpointUri, null, Object.class));
        assertThat(thrown).isInstanceOf(CamelExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(GongApiException.class);
        return (GongApiException) thrown.getCause();
    }
}
