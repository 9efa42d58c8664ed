package io.camelgong.gong;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelgong.gong.simulator.AirbyteSimulator.body;
import static io.camelgong.gong.simulator.AirbyteSimulator.recordedAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostedProducerTest extends HostedTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CALL_ID = "5198900831628433849";

    @Test
    void usersListRunsThroughExecute() {
        JsonNode answer = recordedAnswer("users_list");
        airbyte.givenGongAnswer(CONNECTOR_ID, "users", "list", answer, "users");

        Exchange exchange = template.request(hosted("users/list", ""), message -> { });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).isEqualTo(records(answer, "users"));
        assertThat(exchange.getMessage().getHeader(GongConstants.TOTAL_RECORDS)).isEqualTo(9L);
        assertThat(exchange.getMessage().getHeader(GongConstants.PAGE_COUNT)).isEqualTo(1);
        List<LoggedRequest> requests = airbyte.executeRequests(CONNECTOR_ID);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(body(requests.get(0)).get("entity").asText()).isEqualTo("users");
        assertThat(body(requests.get(0)).get("action").asText()).isEqualTo("list");
        assertThat(body(requests.get(0)).get("params").isObject()).isTrue();
    }

    @Test
    void callsGetReturnsSingleRecord() {
        JsonNode answer = recordedAnswer("calls_get");
        airbyte.givenGongAnswer(CONNECTOR_ID, "calls", "get", answer, "call");

        Object call = template.requestBody(hosted("calls/get", "id=" + CALL_ID), (Object) null);

        assertThat(call).isEqualTo(MAPPER.convertValue(answer.get("call"), Map.class));
        JsonNode params = body(airbyte.executeRequests(CONNECTOR_ID).get(0)).get("params");
        assertThat(params.get("id").asText()).isEqualTo(CALL_ID);
    }

    @Test
    void listFollowsHostedCursor() {
        JsonNode first = recordedAnswer("calls_list_november");
        JsonNode last = recordedAnswer("calls_list");
        airbyte.givenGongPages(CONNECTOR_ID, "calls", "list", List.of(first, last), "calls");
        String window = "fromDateTime=2025-11-01T00:00:00Z&toDateTime=2025-12-01T00:00:00Z";

        Exchange exchange = template.request(hosted("calls/list", window), message -> { });

        assertThat(exchange.getException()).isNull();
        List<?> calls = exchange.getMessage().getBody(List.class);
        assertThat(calls).hasSize(104);
        assertThat(exchange.getMessage().getHeader(GongConstants.PAGE_COUNT)).isEqualTo(2);
        assertThat(exchange.getMessage().getHeader(GongConstants.NEXT_CURSOR)).isNull();
        List<LoggedRequest> requests = airbyte.executeRequests(CONNECTOR_ID);
        assertThat(requests).hasSize(2);
        JsonNode second = body(requests.get(1)).get("params");
        assertThat(second.get("cursor").asText()).isEqualTo(first.get("records").get("cursor").asText());
        assertThat(second.get("fromDateTime").asText()).isEqualTo("2025-11-01T00:00:00Z");
        assertThat(second.get("toDateTime").asText()).isEqualTo("2025-12-01T00:00:00Z");
    }

    @Test
    void singlePaginationReturnsNextCursor() {
        JsonNode first = recordedAnswer("calls_list_november");
        airbyte.givenGongAnswer(CONNECTOR_ID, "calls", "list", first, "calls");

        Exchange exchange = template.request(hosted("calls/list", "pagination=single"), message -> { });

        assertThat(exchange.getMessage().getBody(List.class)).hasSize(100);
        assertThat(exchange.getMessage().getHeader(GongConstants.NEXT_CURSOR))
                .isEqualTo(first.get("records").get("cursor").asText());
        assertThat(exchange.getMessage().getHeader(GongConstants.TOTAL_RECORDS)).isEqualTo(159L);
    }

    @Test
    void postListSendsNestedFilter() {
        JsonNode answer = recordedAnswer("calls_extensive_list");
        ((ObjectNode) answer.get("records")).remove("cursor");
        airbyte.givenGongAnswer(CONNECTOR_ID, "calls_extensive", "list", answer, "calls");

        List<?> calls = template.requestBodyAndHeader(hosted("calls_extensive/list", "callIds=1,2"), null,
                GongConstants.PARAMS, Map.of("contentSelector", Map.of("exposedFields", Map.of("parties", true))),
                List.class);

        assertThat(calls).hasSize(100);
        JsonNode params = body(airbyte.executeRequests(CONNECTOR_ID).get(0)).get("params");
        assertThat(params.get("filter").get("callIds").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(params.get("contentSelector").get("exposedFields").get("parties").asBoolean()).isTrue();
    }

    @Test
    void postListWithoutFilterSendsEmptyFilter() {
        JsonNode answer = recordedAnswer("calls_extensive_list");
        ((ObjectNode) answer.get("records")).remove("cursor");
        airbyte.givenGongAnswer(CONNECTOR_ID, "calls_extensive", "list", answer, "calls");

        template.requestBody(hosted("calls_extensive/list", ""), (Object) null, List.class);

        JsonNode params = body(airbyte.executeRequests(CONNECTOR_ID).get(0)).get("params");
        assertThat(params.get("filter").isObject()).isTrue();
        assertThat(params.get("filter").size()).isZero();
    }

    @Test
    void workspaceNameLooksConnectorUpOnce() {
        airbyte.givenConnectors("workspace_name", "acme", "c-acme");
        airbyte.givenGongAnswer("c-acme", "workspaces", "list", recordedAnswer("workspaces_list"), "workspaces");
        String uri = "gong:workspaces/list?workspaceName=acme";

        List<?> first = template.requestBody(uri, (Object) null, List.class);
        List<?> second = template.requestBody(uri, (Object) null, List.class);

        assertThat(first).hasSize(1);
        assertThat(second).isEqualTo(first);
        airbyte.server().verify(1, getRequestedFor(urlPathEqualTo("/api/v1/integrations/connectors")));
        assertThat(airbyte.executeRequests("c-acme")).hasSize(2);
    }

    @Test
    void externalUserIdLooksConnectorUp() {
        airbyte.givenConnectors("external_user_id", "user 42", "c-user");
        airbyte.givenGongAnswer("c-user", "workspaces", "list", recordedAnswer("workspaces_list"), "workspaces");

        String uri = "gong:workspaces/list?externalUserId=user 42";

        List<?> workspaces = template.requestBody(uri, (Object) null, List.class);

        assertThat(workspaces).hasSize(1);
    }

    @Test
    void lookupWithoutConnectorFails() {
        airbyte.givenConnectors("workspace_name", "empty");

        assertThatThrownBy(() -> template.requestBody("gong:workspaces/list?workspaceName=empty", (Object) null))
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOf(GongException.class)
                .hasMessageContaining("No Airbyte Gong connector found for workspaceName=empty")
                .hasMessageContaining("gong:connectors/create");
    }

    @Test
    void lookupWithTwoConnectorsFails() {
        airbyte.givenConnectors("workspace_name", "twice", "c-1", "c-2");

        assertThatThrownBy(() -> template.requestBody("gong:workspaces/list?workspaceName=twice", (Object) null))
                .cause()
                .isInstanceOf(GongException.class)
                .hasMessageContaining("Ambiguous Airbyte Gong connector for workspaceName=twice")
                .hasMessageContaining("[c-1, c-2]")
                .hasMessageContaining("set connectorId");
    }

    @Test
    void organizationIdIsSentOnEveryRequest() {
        airbyte.givenGongAnswer(CONNECTOR_ID, "workspaces", "list", recordedAnswer("workspaces_list"), "workspaces");

        template.requestBody(hosted("workspaces/list", "organizationId=org-7"), (Object) null, List.class);

        airbyte.server().verify(postRequestedFor(urlEqualTo("/api/v1/account/applications/token"))
                .withHeader("X-Organization-Id", equalTo("org-7")));
        assertThat(airbyte.executeRequests(CONNECTOR_ID).get(0).getHeader("X-Organization-Id")).isEqualTo("org-7");
    }

    @Test
    void validationErrorMapsToApiException() {
        airbyte.givenExecuteError(CONNECTOR_ID, "users", "list", 422,
                "{\"detail\":[{\"loc\":[\"body\",\"params\"],\"msg\":\"field required\"}]}");

        assertThatThrownBy(() -> template.requestBody(hosted("users/list", ""), (Object) null))
                .cause()
                .isInstanceOfSatisfying(GongApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(422);
                    assertThat(e.getErrors()).containsExactly("[body, params]: field required");
                    assertThat(e.getOperation()).isEqualTo("users/list");
                })
                .isNotInstanceOf(GongAuthenticationException.class);
    }

    @Test
    void serverErrorMapsStatusAndBody() {
        airbyte.givenExecuteError(CONNECTOR_ID, "users", "list", 502, "upstream connect error");

        assertThatThrownBy(() -> template.requestBody(hosted("users/list", ""), (Object) null))
                .cause()
                .isInstanceOfSatisfying(GongApiException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(502))
                .hasMessageContaining("upstream connect error");
    }

    @Test
    void noCallsFoundIsEmptyList() {
        airbyte.givenExecuteError(CONNECTOR_ID, "calls", "list", 404,
                "{\"detail\":\"No calls found corresponding to the provided filters\"}");

        List<?> calls = template.requestBody(hosted("calls/list", ""), (Object) null, List.class);

        assertThat(calls).isEmpty();
    }

    @Test
    void downloadStreamsMediaBytes() {
        byte[] media = new byte[256 * 1024];
        for (int i = 0; i < media.length; i++) {
            media[i] = (byte) (i * 31);
        }
        airbyte.givenDownload(CONNECTOR_ID, "call_audio", media, "audio/mpeg");

        // The producer releases the connection when the exchange completes, so the route reads the stream.
        Exchange exchange = template.request("direct:download", message -> { });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("audio/mpeg");
        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(media);
        JsonNode params = body(airbyte.executeRequests(CONNECTOR_ID).get(0)).get("params");
        assertThat(params.get("filter").get("callIds").toString()).isEqualTo("[\"" + CALL_ID + "\"]");
        assertThat(params.get("contentSelector").get("exposedFields").get("media").asBoolean()).isTrue();
        assertThat(params.get("range_header").asText()).isEqualTo("bytes=0-");
    }

    @Test
    void downloadAnsweredWithJsonFails() {
        airbyte.givenDownload(CONNECTOR_ID, "call_video", "{\"result\":null}".getBytes(), "application/json");

        assertThatThrownBy(() -> template.requestBody(hosted("call_video/download", "id=" + CALL_ID), (Object) null))
                .cause()
                .isInstanceOf(GongApiException.class)
                .hasMessageContaining("Airbyte returned no media for call " + CALL_ID);
    }

    @Test
    void executeEndpointTakesOperationFromHeaders() {
        airbyte.givenGongAnswer(CONNECTOR_ID, "users", "get", recordedAnswer("users_get"), "user");

        Object user = template.requestBodyAndHeaders(hosted("execute", ""), null,
                Map.of(GongConstants.ENTITY, "users", GongConstants.ACTION, "get",
                        GongConstants.PARAMS, Map.of("id", "1234567890")));

        assertThat(user).isInstanceOf(Map.class);
        assertThat(body(airbyte.executeRequests(CONNECTOR_ID).get(0)).get("entity").asText()).isEqualTo("users");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download")
                        .to(hosted("call_audio/download", "id=" + CALL_ID + "&range=bytes=0-"))
                        .convertBodyTo(byte[].class);
            }
        };
    }

    private static List<Map<String, Object>> records(JsonNode answer, String field) {
        return MAPPER.convertValue(answer.get(field), new TypeReference<>() {
        });
    }
}
