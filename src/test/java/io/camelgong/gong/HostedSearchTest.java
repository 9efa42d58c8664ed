package io.camelgong.gong;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static io.camelgong.gong.simulator.AirbyteSimulator.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostedSearchTest extends HostedTestSupport {

    private static final Map<String, Object> ANA = Map.of("id", "1", "firstName", "Ana");
    private static final Map<String, Object> BO = Map.of("id", "2", "firstName", "Bo");
    private static final Map<String, Object> CY = Map.of("id", "3", "firstName", "Cy");

    @Test
    void searchFollowsMetaCursor() {
        airbyte.givenSearchPages(CONNECTOR_ID, "users", List.of(List.of(ANA, BO), List.of(CY)));
        Map<String, Object> query = Map.of("filter", Map.of("eq", Map.of("active", true)));

        Exchange exchange = template.request(hosted("users/context_store_search", ""),
                message -> message.getIn().setHeader(GongConstants.PARAMS, Map.of("query", query, "limit", 2)));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).containsExactly(ANA, BO, CY);
        assertThat(exchange.getMessage().getHeader(GongConstants.PAGE_COUNT)).isEqualTo(2);
        assertThat(exchange.getMessage().getHeader(GongConstants.NEXT_CURSOR)).isNull();
        List<LoggedRequest> requests = airbyte.executeRequests(CONNECTOR_ID);
        assertThat(requests).hasSize(2);
        JsonNode second = body(requests.get(1));
        assertThat(second.get("action").asText()).isEqualTo("context_store_search");
        assertThat(second.get("params").get("cursor").asText()).isEqualTo("search-cursor-1");
        assertThat(second.get("params").get("limit").asInt()).isEqualTo(2);
        assertThat(second.get("params").get("query").toString())
                .isEqualTo("{\"filter\":{\"eq\":{\"active\":true}}}");
        assertThat(second.get("params").has("filter")).isFalse();
    }

    @Test
    void searchSinglePageSetsNextCursor() {
        airbyte.givenSearchPages(CONNECTOR_ID, "calls", List.of(List.of(ANA), List.of(BO)));

        Exchange exchange = template.request(hosted("calls/context_store_search", "pagination=single"),
                message -> { });

        assertThat(exchange.getMessage().getBody(List.class)).containsExactly(ANA);
        assertThat(exchange.getMessage().getHeader(GongConstants.NEXT_CURSOR)).isEqualTo("search-cursor-1");
    }

    @Test
    void searchOptionsComeFromUri() {
        airbyte.givenSearchPages(CONNECTOR_ID, "calls_extensive", List.of(List.of(ANA)));
        String options = "searchQuery={\"filter\":{\"fuzzy\":{\"metaData.title\":\"weekly\"}}}"
                         + "&searchLimit=50&searchFields=id,metaData.title";

        template.requestBody(hosted("calls_extensive/context_store_search", options), (Object) null, List.class);

        JsonNode params = body(airbyte.executeRequests(CONNECTOR_ID).get(0)).get("params");
        assertThat(params.get("query").get("filter").get("fuzzy").get("metaData.title").asText()).isEqualTo("weekly");
        assertThat(params.get("limit").asInt()).isEqualTo(50);
        assertThat(params.get("fields").toString()).isEqualTo("[[\"id\"],[\"metaData\",\"title\"]]");
    }

    @Test
    void invalidSearchQueryFailsAtCreation() {
        assertThatThrownBy(() -> context.getEndpoint(
                hosted("users/context_store_search", "searchQuery=not-json")))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining("Invalid parameter 'query'");
    }

    @Test
    void searchInOpenSourceModeFailsAtCreation() {
        String uri = "gong:users/context_store_search?authMode=accessKey&accessKey=key&accessKeySecret=secret";

        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining("gong:users/context_store_search needs hosted mode (authMode=hosted)");
    }

    @Test
    void searchOnOpenSourceExecuteEndpointFails() {
        String uri = "gong:execute?authMode=accessKey&accessKey=key&accessKeySecret=secret";

        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri, null,
                Map.of(GongConstants.ENTITY, "calls", GongConstants.ACTION, "context_store_search")))
                .cause()
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining("needs hosted mode (authMode=hosted)");
    }

    @Test
    void searchIsOfferedForFiveEntities() {
        for (String entity : List.of("users", "calls", "calls_extensive", "settings_scorecards",
                "stats_activity_scorecards")) {
            assertThat(context.getEndpoint(hosted(entity + "/context_store_search", ""))).isNotNull();
        }
        assertThatThrownBy(() -> context.getEndpoint(hosted("workspaces/context_store_search", "")))
                .rootCause()
                .hasMessageContaining("Unknown action 'context_store_search' for Gong entity 'workspaces'");
    }
}
