package io.camelgong.gong;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gong's error answers and invalid input: the right exception with the facts a route needs, and no request when the
 * input is wrong.
 */
class ProducerErrorsTest extends GongTestSupport {

    @ParameterizedTest
    @CsvSource({
            "401, Unauthorized access",
            "403, You don't have permission to use 'api:calls:read:basic'",
            "429, Too many requests",
            "500, Internal error" })
    void errorStatusRaisesApiExceptionWithGongFacts(int status, String error) {
        wireMock.stubFor(get(urlPathEqualTo("/v2/calls")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"requestId\":\"4al018gzaztcr8nbukw\",\"errors\":[\"" + error.replace("'", "'") + "\"]}")));

        Exchange exchange = send("gong:calls/list", null);

        assertThat(exchange.getException()).isInstanceOf(GongApiException.class);
        GongApiException failure = (GongApiException) exchange.getException();
        assertThat(failure.getStatusCode()).isEqualTo(status);
        assertThat(failure.getRequestId()).isEqualTo("4al018gzaztcr8nbukw");
        assertThat(failure.getErrors()).containsExactly(error);
        assertThat(failure.getOperation()).isEqualTo("calls/list");
        assertThat(failure.getMessage()).contains(String.valueOf(status)).contains(error);
    }

    @Test
    void unauthorizedIsAuthenticationException() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(aResponse().withStatus(401)
                .withBody("{\"requestId\":\"x\",\"errors\":[\"Unauthorized access\"]}")));

        Exchange exchange = send("gong:users/list", null);

        assertThat(exchange.getException()).isInstanceOf(GongAuthenticationException.class);
    }

    @Test
    void noCallsFoundIsEmptyList() {
        wireMock.stubFor(post(urlPathEqualTo("/v2/calls/extensive")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"requestId\":\"q\",\"errors\":[\"No calls found corresponding to the provided filters\"]}")));

        Exchange exchange = send("gong:calls_extensive/list?fromDateTime=2026-01-01T00:00:00Z", null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(java.util.List.class)).isEmpty();
        assertThat(exchange.getMessage().getHeader(GongConstants.TOTAL_RECORDS)).isEqualTo(0L);
    }

    @Test
    void notFoundOnGetIsError() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/calls/123")).willReturn(aResponse().withStatus(404)
                .withBody("{\"requestId\":\"n\",\"errors\":[\"Call ID was not found\"]}")));

        Exchange exchange = send("gong:calls/get?id=123", null);

        assertThat(exchange.getException()).isInstanceOf(GongApiException.class);
        assertThat(((GongApiException) exchange.getException()).getStatusCode()).isEqualTo(404);
    }

    @Test
    void htmlErrorPageIsReportedWithExcerpt() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/workspaces")).willReturn(aResponse().withStatus(502)
                .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));

        Exchange exchange = send("gong:workspaces/list", null);

        assertThat(exchange.getException()).isInstanceOf(GongApiException.class)
                .hasMessageContaining("502 Bad Gateway");
    }

    @Test
    void successWithoutRecordsFieldIsError() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/workspaces")).willReturn(aResponse().withStatus(200)
                .withBody("{\"requestId\":\"w\"}")));

        Exchange exchange = send("gong:workspaces/list", null);

        assertThat(exchange.getException()).isInstanceOf(GongApiException.class)
                .hasMessageContaining("no 'workspaces' field");
        assertThat(((GongApiException) exchange.getException()).getRequestId()).isEqualTo("w");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gong:meetings/list                                  | Unknown Gong entity 'meetings'",
            "gong:users/download                                 | Unknown action 'download' for Gong entity 'users': expected one of [get, list]",
            "gong:users                                          | Invalid Gong endpoint 'gong:users': missing action",
            "gong:calls/list?fromDateTime=2026-01-01             | expected an ISO-8601 date-time with an offset",
            "gong:calls/list?folderId=1                          | Option 'folderId' is not used by gong:calls/list",
            "gong:users/get?id=abc                               | Invalid parameter 'id' for gong:users/get",
            "gong:calls/list?baseUrl=http://gong.example.com     | plain http would send credentials unencrypted",
            "gong:execute/list                                   | gong:execute takes no action" })
    void invalidEndpointFailsAtCreation(String uri, String message) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gong:users/get                          | Missing required parameter 'id' for gong:users/get",
            "gong:library_folders/list               | Missing required parameter 'workspaceId'",
            "gong:stats_interaction/list             | Missing required parameter 'filter.fromDate'",
            "gong:coaching/list                      | Missing required parameter 'workspace-id'" })
    void missingRequiredParameterSendsNoRequest(String uri, String message) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        Exchange exchange = send(uri, null);

        assertThat(exchange.getException()).isInstanceOf(GongValidationException.class)
                .hasMessageContaining(message);
        wireMock.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void reversedWindowSendsNoRequest() {
        Exchange exchange = send("gong:calls_extensive/list", Map.of("filter", Map.of(
                "fromDateTime", "2026-02-01T00:00:00Z", "toDateTime", "2026-01-01T00:00:00Z")));

        assertThat(exchange.getException()).isInstanceOf(GongValidationException.class)
                .hasMessageContaining("'filter.fromDateTime' 2026-02-01T00:00:00Z is after 'filter.toDateTime'");
        wireMock.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void recordBodyReadAsParametersIsExplained() {
        Exchange exchange = template.request("gong:users/get?id=841697149643495318",
                ex -> ex.getMessage().setBody(Map.of("emailAddress", "ellis.alderby@example.com")));

        assertThat(exchange.getException()).isInstanceOf(GongValidationException.class)
                .hasMessageContaining("Unknown parameter 'emailAddress'")
                .hasMessageContaining("read from the message body");
        wireMock.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void executeWithoutEntityHeaderSendsNoRequest() {
        Exchange exchange = send("gong:execute", null);

        assertThat(exchange.getException()).isInstanceOf(GongValidationException.class)
                .hasMessageContaining("Missing header CamelGongEntity");
        wireMock.verify(exactly(0), anyRequestedFor(anyUrl()));
    }
}
