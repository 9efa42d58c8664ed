package io.camelgong.gong;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cursor paging: GET lists send the cursor in the query, POST lists in the JSON body, and every other input stays
 * the same from page to page.
 */
class ProducerPagingTest extends GongTestSupport {

    @Test
    void getListFollowsQueryCursorsAcrossThreePages() {
        stubUsersPage(absent(), List.of("1", "2"), "c1");
        stubUsersPage(equalTo("c1"), List.of("3", "4"), "c2");
        stubUsersPage(equalTo("c2"), List.of("5"), null);

        Exchange exchange = send("gong:users/list?includeAvatars=true", null);

        assertThat(exchange.getException()).isNull();
        assertThat(ids(exchange)).containsExactly("1", "2", "3", "4", "5");
        assertThat(exchange.getMessage().getHeader(GongConstants.PAGE_COUNT)).isEqualTo(3);
        assertThat(exchange.getMessage().getHeader(GongConstants.TOTAL_RECORDS)).isEqualTo(5L);
        assertThat(exchange.getMessage().getHeader(GongConstants.REQUEST_ID)).isEqualTo("req-last");
        assertThat(exchange.getMessage().getHeader(GongConstants.NEXT_CURSOR)).isNull();
        wireMock.verify(exactly(3), getRequestedFor(urlPathEqualTo("/v2/users"))
                .withQueryParam("includeAvatars", equalTo("true")));
    }

    @Test
    void postListFollowsBodyCursorsAcrossThreePages() {
        stubTranscriptPage(null, "5198900831628433849", "c1");
        stubTranscriptPage("c1", "5198900831628433850", "c2");
        stubTranscriptPage("c2", "5198900831628433851", null);

        Exchange exchange = send("gong:call_transcripts/list?fromDateTime=2024-11-01T00:00:00Z", null);

        assertThat(exchange.getException()).isNull();
        List<Object> callIds = new ArrayList<>();
        records(exchange).forEach(record -> callIds.add(record.get("callId")));
        assertThat(callIds).containsExactly("5198900831628433849", "5198900831628433850", "5198900831628433851");
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v2/calls/transcript"))
                .withRequestBody(equalToJson("{\"filter\":{\"fromDateTime\":\"2024-11-01T00:00:00Z\"},"
                                             + "\"cursor\":\"c2\"}")));
        wireMock.verify(exactly(3), postRequestedFor(urlPathEqualTo("/v2/calls/transcript"))
                .withRequestBody(matchingJsonPath("$.filter.fromDateTime", equalTo("2024-11-01T00:00:00Z"))));
        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo("/v2/calls/transcript"))
                .withQueryParam("cursor", equalTo("c1")));
    }

    @Test
    void singlePaginationReturnsOnePageAndItsCursor() {
        stubUsersPage(absent(), List.of("1", "2"), "c1");
        stubUsersPage(equalTo("c1"), List.of("3"), null);

        Exchange first = send("gong:users/list?pagination=single", null);
        Exchange second = send("gong:users/list?pagination=single",
                Map.of("cursor", first.getMessage().getHeader(GongConstants.NEXT_CURSOR)));

        assertThat(ids(first)).containsExactly("1", "2");
        assertThat(first.getMessage().getHeader(GongConstants.NEXT_CURSOR)).isEqualTo("c1");
        assertThat(ids(second)).containsExactly("3");
        assertThat(second.getMessage().getHeader(GongConstants.NEXT_CURSOR)).isNull();
    }

    @Test
    void repeatedCursorStopsInsteadOfLooping() {
        stubUsersPage(absent(), List.of("1"), "same");
        stubUsersPage(equalTo("same"), List.of("2"), "same");

        Exchange exchange = send("gong:users/list", null);

        assertThat(exchange.getException()).isInstanceOf(GongApiException.class)
                .hasMessageContaining("cursor that was sent");
        wireMock.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v2/users")));
    }

    @Test
    void executeTakesOperationFromHeaders() {
        stubUsersPage(absent(), List.of("7"), null);

        Exchange exchange = template.request("gong:execute", ex -> {
            ex.getMessage().setHeader(GongConstants.ENTITY, "users");
            ex.getMessage().setHeader(GongConstants.ACTION, "list");
        });

        assertThat(exchange.getException()).isNull();
        assertThat(ids(exchange)).containsExactly("7");
    }

    @Test
    void mapBodyServesAsParametersWithoutHeader() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/users/841697149643495318"))
                .willReturn(okJson(json(recorded("users_get.json").get("response")))));

        Exchange exchange = template.request("gong:users/get",
                ex -> ex.getMessage().setBody(Map.of("id", "841697149643495318")));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(Map.class)).containsEntry("id", "841697149643495318");
    }

    @Test
    void headerParametersOverrideEndpointOptions() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/calls")).willReturn(okJson(
                "{\"requestId\":\"r\",\"records\":{\"totalRecords\":0},\"calls\":[]}")));

        send("gong:calls/list?fromDateTime=2026-01-01T00:00:00Z&toDateTime=2026-02-01T00:00:00Z",
                Map.of("fromDateTime", "2026-01-15T00:00:00Z"));

        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v2/calls"))
                .withQueryParam("fromDateTime", equalTo("2026-01-15T00:00:00Z"))
                .withQueryParam("toDateTime", equalTo("2026-02-01T00:00:00Z")));
    }

    private static void stubUsersPage(
            com.github.tomakehurst.wiremock.matching.StringValuePattern cursor, List<String> ids, String next) {
        List<Map<String, Object>> users = new ArrayList<>();
        ids.forEach(id -> users.add(Map.of("id", id, "emailAddress", "user" + id + "@example.com")));
        String paging = "{\"totalRecords\":5,\"currentPageSize\":" + ids.size()
                        + (next == null ? "" : ",\"cursor\":\"" + next + "\"") + "}";
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).withQueryParam("cursor", cursor)
                .willReturn(okJson("{\"requestId\":\"req-" + (next == null ? "last" : next) + "\",\"records\":" + paging + ",\"users\":"
                                   + json(users) + "}")));
    }

    private static void stubTranscriptPage(String cursor, String callId, String next) {
        String paging = "{\"totalRecords\":3,\"currentPageSize\":1" + (next == null ? "" : ",\"cursor\":\"" + next + "\"")
                        + "}";
        var request = post(urlPathEqualTo("/v2/calls/transcript"));
        request = cursor == null
                ? request.withRequestBody(matchingJsonPath("$.cursor", absent()))
                : request.withRequestBody(matchingJsonPath("$.cursor", equalTo(cursor)));
        wireMock.stubFor(request.willReturn(okJson("{\"requestId\":\"t-" + next + "\",\"records\":" + paging
                                                   + ",\"callTranscripts\":[{\"callId\":\"" + callId
                                                   + "\",\"transcript\":[]}]}")));
    }

    private static List<Object> ids(Exchange exchange) {
        List<Object> ids = new ArrayList<>();
        records(exchange).forEach(record -> ids.add(record.get("id")));
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }
}
