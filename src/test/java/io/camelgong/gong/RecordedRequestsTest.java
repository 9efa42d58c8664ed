package io.camelgong.gong;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays requests recorded against a live Gong tenant: the producer, given the recorded parameters, must send the
 * recorded request and read the recorded answer.
 */
class RecordedRequestsTest extends GongTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {
            "users_list.json", "users_get.json", "workspaces_list.json", "calls_list.json",
            "calls_list_november.json", "calls_get.json", "calls_extensive_list.json",
            "calls_extensive_list_content_selector.json", "call_transcripts_list.json",
            "call_transcripts_list_by_call_id.json", "stats_activity_aggregate_list.json",
            "stats_activity_day_by_day_list.json", "stats_interaction_list.json" })
    @SuppressWarnings("unchecked")
    void sendsRecordedRequestAndReadsAnswer(String file) {
        Map<String, Object> recording = recorded(file);
        Map<String, Object> request = (Map<String, Object>) recording.get("request");
        Map<String, Object> response = (Map<String, Object>) recording.get("response");
        String method = (String) request.get("method");
        String path = (String) request.get("path");
        MappingBuilder stub = WireMock.request(method, urlPathEqualTo(path));
        wireMock.stubFor(stub.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(response))));

        String uri = "gong:" + recording.get("entity") + "/" + recording.get("action") + "?pagination=single";
        Exchange exchange = send(uri, (Map<String, Object>) recording.get("params"));

        assertThat(exchange.getException()).isNull();
        RequestPatternBuilder expected = RequestPatternBuilder.newRequestPattern(
                com.github.tomakehurst.wiremock.http.RequestMethod.fromString(method), urlPathEqualTo(path))
                .withHeader("Authorization", equalTo(BASIC_AUTHORIZATION));
        Map<String, Object> query = (Map<String, Object>) request.get("query");
        if (query != null) {
            query.forEach((name, value) -> expected.withQueryParam(name, equalTo(value.toString())));
        }
        if (request.get("body") != null) {
            expected.withRequestBody(equalToJson(json(request.get("body"))));
        }
        wireMock.verify(exactly(1), expected);

        Object body = exchange.getMessage().getBody();
        if ("get".equals(recording.get("action"))) {
            Map<String, Object> record = (Map<String, Object>) body;
            Object expectedRecord = response.containsKey("user") ? response.get("user") : response.get("call");
            assertThat(record).isEqualTo(expectedRecord);
        } else {
            List<Map<String, Object>> records = (List<Map<String, Object>>) body;
            String recordsField = response.keySet().stream()
                    .filter(key -> response.get(key) instanceof List).findFirst().orElseThrow();
            assertThat(records).isEqualTo(response.get(recordsField));
            assertThat(exchange.getMessage().getHeader(GongConstants.REQUEST_ID))
                    .isEqualTo(response.get("requestId"));
        }
        assertThat(exchange.getMessage().getHeader(GongConstants.ENTITY)).isEqualTo(recording.get("entity"));
        assertThat(exchange.getMessage().getHeader(GongConstants.ACTION)).isEqualTo(recording.get("action"));
    }
}
