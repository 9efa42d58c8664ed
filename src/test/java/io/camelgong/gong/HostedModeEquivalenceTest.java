package io.camelgong.gong;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.camelgong.gong.simulator.AirbyteSimulator;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.camelgong.gong.simulator.AirbyteSimulator.recordedAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the same route once against a Gong stand-in with an access key and once against the Airbyte simulator in
 * hosted mode, both serving the same recorded Gong responses, and compares what the route receives. Only
 * CamelGongRequestId differs: Airbyte's execute response carries no Gong requestId.
 */
class HostedModeEquivalenceTest extends CamelTestSupport {

    private static final String CONNECTOR_ID = "c-equivalence";
    private static final String USER_ID = "841697149643495318";
    private static final String CALL_ID = "5198900831628433849";

    private WireMockServer gong;
    private AirbyteSimulator airbyte;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        gong = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        gong.start();
        airbyte = new AirbyteSimulator();
        stubGong();
        stubAirbyte();
        return super.createCamelContext();
    }

    @AfterEach
    void stopServers() {
        gong.stop();
        airbyte.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String openSource = "authMode=accessKey&accessKey=KEY&accessKeySecret=SECRET"
                                    + "&baseUrl=http://127.0.0.1:" + gong.port();
                String hosted = "authMode=hosted&airbyteClientId=" + AirbyteSimulator.CLIENT_ID
                                + "&airbyteClientSecret=" + AirbyteSimulator.CLIENT_SECRET
                                + "&airbyteApiUrl=" + airbyte.url() + "&connectorId=" + CONNECTOR_ID;
                readRoute("open-source", openSource);
                readRoute("hosted", hosted);
            }

            // The route under test; only the authentication options differ between the two modes.
            private void readRoute(String name, String modeOptions) {
                from("direct:" + name)
                        .toD("gong:${header.entityAction}?" + modeOptions + "&${header.options}");
            }
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "users/list, pagination=all",
            "users/get, id=" + USER_ID,
            "calls/get, id=" + CALL_ID,
            "calls/list, fromDateTime=2024-11-01T00:00:00Z&toDateTime=2024-11-16T00:00:00Z",
            "calls_extensive/list, pagination=single",
            "workspaces/list, pagination=all" })
    void modesReturnEqualBodies(String entityAction, String options) {
        Exchange openSource = read("direct:open-source", entityAction, options);
        Exchange hosted = read("direct:hosted", entityAction, options);

        assertThat(openSource.getException()).isNull();
        assertThat(hosted.getException()).isNull();
        assertThat(openSource.getMessage().getBody()).isNotNull();
        assertThat(hosted.getMessage().getBody()).isEqualTo(openSource.getMessage().getBody());
        for (String header : List.of(GongConstants.TOTAL_RECORDS, GongConstants.PAGE_COUNT,
                GongConstants.NEXT_CURSOR, GongConstants.ENTITY, GongConstants.ACTION)) {
            assertThat(hosted.getMessage().getHeader(header)).as(header)
                    .isEqualTo(openSource.getMessage().getHeader(header));
        }
        assertThat(gong.getAllServeEvents()).isNotEmpty();
        assertThat(airbyte.executeRequests(CONNECTOR_ID)).isNotEmpty();
    }

    private Exchange read(String route, String entityAction, String options) {
        return template.request(route, exchange -> {
            exchange.getIn().setHeader("entityAction", entityAction);
            exchange.getIn().setHeader("options", options);
        });
    }

    private void stubGong() {
        stubGongGet("/v2/users", null, "users_list");
        stubGongGet("/v2/users/" + USER_ID, null, "users_get");
        stubGongGet("/v2/calls/" + CALL_ID, null, "calls_get");
        stubGongGet("/v2/workspaces", null, "workspaces_list");
        stubGongGet("/v2/calls", null, "calls_list_november");
        stubGongGet("/v2/calls", cursorOf("calls_list_november"), "calls_list");
        gong.stubFor(post(urlPathEqualTo("/v2/calls/extensive"))
                .willReturn(okJson(recordedAnswer("calls_extensive_list").toString())));
    }

    private void stubGongGet(String path, String cursor, String recording) {
        MappingBuilder mapping = get(urlPathEqualTo(path))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor));
        gong.stubFor(mapping.willReturn(okJson(recordedAnswer(recording).toString())));
    }

    private void stubAirbyte() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("users/list", "users_list");
        answers.put("users/get", "users_get");
        answers.put("calls/get", "calls_get");
        answers.put("workspaces/list", "workspaces_list");
        answers.put("calls_extensive/list", "calls_extensive_list");
        Map<String, String> recordsFields = Map.of("users/list", "users", "users/get", "user", "calls/get", "call",
                "workspaces/list", "workspaces", "calls_extensive/list", "calls");
        answers.forEach((operation, recording) -> {
            String[] parts = operation.split("/");
            airbyte.givenGongAnswer(CONNECTOR_ID, parts[0], parts[1], recordedAnswer(recording),
                    recordsFields.get(operation));
        });
        List<JsonNode> pages = List.of(recordedAnswer("calls_list_november"), recordedAnswer("calls_list"));
        airbyte.givenGongPages(CONNECTOR_ID, "calls", "list", pages, "calls");
    }

    private static String cursorOf(String recording) {
        return recordedAnswer(recording).get("records").get("cursor").asText();
    }
}
