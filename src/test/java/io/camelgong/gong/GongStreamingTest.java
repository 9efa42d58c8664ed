package io.camelgong.gong;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GongStreamingTest extends CamelTestSupport {

    private WireMockServer gong;
    private final AtomicInteger splitCount = new AtomicInteger();

    @BeforeEach
    void startGong() {
        gong = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        gong.start();
    }

    @AfterEach
    void stopGong() {
        gong.stop();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:split")
                        .toD("${header.gongUri}")
                        .split(body()).streaming()
                        .process(exchange -> splitCount.incrementAndGet())
                        .end();
            }
        };
    }

    private String uri(String path) {
        return "gong:" + path + "?accessKey=key&accessKeySecret=secret&baseUrl=http://127.0.0.1:" + gong.port()
               + "&pagination=streaming";
    }

    private static String callsPage(int firstId, int count, String cursor) {
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < count; i++) {
            calls.append(i == 0 ? "" : ",").append("{\"id\":\"").append(firstId + i).append("\"}");
        }
        String paging = "{\"totalRecords\":5,\"currentPageSize\":" + count
                        + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}";
        return "{\"requestId\":\"req-" + firstId + "\",\"records\":" + paging + ",\"calls\":[" + calls + "]}";
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private void stubThreeCallPages() {
        gong.stubFor(get(urlPathEqualTo("/v2/calls")).withQueryParam("cursor", absent())
                .willReturn(json(callsPage(1, 2, "c1"))));
        gong.stubFor(get(urlPathEqualTo("/v2/calls")).withQueryParam("cursor", equalTo("c1"))
                .willReturn(json(callsPage(3, 2, "c2"))));
        gong.stubFor(get(urlPathEqualTo("/v2/calls")).withQueryParam("cursor", equalTo("c2"))
                .willReturn(json(callsPage(5, 1, null))));
    }

    @Test
    void streamingFetchesPagesLazily() {
        stubThreeCallPages();

        Exchange exchange = template.request(uri("calls/list"), e -> {
        });

        Object body = exchange.getMessage().getBody();
        assertThat(body).isInstanceOf(Iterator.class);
        gong.verify(1, getRequestedFor(urlPathEqualTo("/v2/calls")));
        assertThat(exchange.getMessage().getHeader(GongConstants.TOTAL_RECORDS)).isEqualTo(5L);
        assertThat(exchange.getMessage().getHeader(GongConstants.REQUEST_ID)).isEqualTo("req-1");
        assertThat(exchange.getMessage().getHeader(GongConstants.PAGE_COUNT)).isNull();

        @SuppressWarnings("unchecked")
        Iterator<Map<String, Object>> records = (Iterator<Map<String, Object>>) body;
        List<Object> ids = new ArrayList<>();
        ids.add(records.next().get("id"));
        ids.add(records.next().get("id"));
        gong.verify(1, getRequestedFor(urlPathEqualTo("/v2/calls")));

        ids.add(records.next().get("id"));
        gong.verify(2, getRequestedFor(urlPathEqualTo("/v2/calls")));

        records.forEachRemaining(record -> ids.add(record.get("id")));
        assertThat(ids).containsExactly("1", "2", "3", "4", "5");
        gong.verify(3, getRequestedFor(urlPathEqualTo("/v2/calls")));
    }

    @Test
    void streamingSplitProcessesEveryRecord() {
        stubThreeCallPages();

        template.sendBodyAndHeader("direct:split", null, "gongUri", uri("calls/list"));

        assertThat(splitCount).hasValue(5);
    }

    @Test
    void streamingSendsBodyCursorForPost() {
        gong.stubFor(post(urlPathEqualTo("/v2/calls/extensive"))
                .withRequestBody(equalToJson("{\"filter\":{}}"))
                .willReturn(json(callsPage(1, 2, "x1"))));
        gong.stubFor(post(urlPathEqualTo("/v2/calls/extensive"))
                .withRequestBody(equalToJson("{\"filter\":{},\"cursor\":\"x1\"}"))
                .willReturn(json(callsPage(3, 1, null))));

        template.sendBodyAndHeader("direct:split", null, "gongUri", uri("calls_extensive/list"));

        assertThat(splitCount).hasValue(3);
        gong.verify(2, postRequestedFor(urlPathEqualTo("/v2/calls/extensive")));
    }

    @Test
    void streamingRejectsRepeatedCursor() {
        gong.stubFor(get(urlPathEqualTo("/v2/calls")).withQueryParam("cursor", absent())
                .willReturn(json(callsPage(1, 1, "same"))));
        gong.stubFor(get(urlPathEqualTo("/v2/calls")).withQueryParam("cursor", equalTo("same"))
                .willReturn(json(callsPage(2, 1, "same"))));

        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:split", null, "gongUri", uri("calls/list")))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseInstanceOf(GongApiException.class)
                .rootCause().hasMessageContaining("cursor that was sent");
        // The splitter calls hasNext() before it processes a record, to set CamelSplitComplete, so the failure
        // surfaces before the last record ahead of it is processed.
        assertThat(splitCount).hasValue(1);
        gong.verify(2, getRequestedFor(urlPathEqualTo("/v2/calls")));
    }

    @Test
    void streamingFailsOnLaterPageError() {
        gong.stubFor(get(urlPathEqualTo("/v2/calls")).withQueryParam("cursor", absent())
                .willReturn(json(callsPage(1, 1, "c1"))));
        gong.stubFor(get(urlPathEqualTo("/v2/calls")).withQueryParam("cursor", equalTo("c1"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"requestId\":\"bad\",\"errors\":[\"cursor has expired\"]}")));

        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:split", null, "gongUri", uri("calls/list")))
                .rootCause()
                .isInstanceOf(GongApiException.class)
                .hasMessageContaining("cursor has expired");
        assertThat(splitCount).hasValue(0);
    }

    @Test
    void streamingEmptyResultGivesEmptyIterator() {
        gong.stubFor(get(urlPathEqualTo("/v2/calls"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"requestId\":\"none\",\"errors\":[\"No calls found corresponding to the provided"
                                  + " filters\"]}")));

        Exchange exchange = template.request(uri("calls/list"), e -> {
        });

        assertThat((Iterator<?>) exchange.getMessage().getBody()).isExhausted();
        assertThat(exchange.getMessage().getHeader(GongConstants.TOTAL_RECORDS)).isEqualTo(0L);
    }
}
