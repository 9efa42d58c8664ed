package io.camelgong.gong.simulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.camelgong.gong.simulator.CallsListTest.okJson;
import static io.camelgong.gong.simulator.CallsListTest.recorded;
import static org.assertj.core.api.Assertions.assertThat;

class ExtensiveAndTranscriptTest {

    private static final String WINDOW_FILTER =
            "{\"fromDateTime\":\"2024-11-01T00:00:00Z\",\"toDateTime\":\"2024-12-02T23:59:59Z\"}";
    private static final String TEST_ACCOUNT_FILTER =
            "{\"fromDateTime\":\"2023-01-01T00:00:00-08:00\",\"toDateTime\":\"2025-11-20T23:59:59-08:00\","
                    + "\"workspaceId\":\"1162854905530531642\"}";

    private GongSimulator simulator;
    private SimulatorClient client;

    @BeforeEach
    void startSimulator() {
        simulator = GongSimulator.start();
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void extensiveBodyCursorWalksAllPages() {
        List<JsonNode> pages = walk("/v2/calls/extensive", "{\"filter\":" + WINDOW_FILTER + "}", "calls");

        assertThat(pages).hasSize(3);
        Set<String> ids = new HashSet<>();
        pages.forEach(page -> page.path("calls").forEach(call -> ids.add(call.path("metaData").path("id").asText())));
        assertThat(ids).hasSize(299);
    }

    @Test
    void cursorInPostQueryStringIsIgnored() {
        String body = "{\"filter\":" + WINDOW_FILTER + "}";
        JsonNode first = okJson(client.post("/v2/calls/extensive", body));
        String cursor = first.path("records").path("cursor").asText();

        JsonNode again = okJson(client.post("/v2/calls/extensive?cursor=" + cursor, body));

        assertThat(again.path("records").path("currentPageNumber").asInt()).isZero();
        assertThat(again.path("calls").get(0)).isEqualTo(first.path("calls").get(0));
    }

    @Test
    void noSelectorReturnsMetaDataOnly() {
        JsonNode page = okJson(client.post("/v2/calls/extensive", "{\"filter\":" + WINDOW_FILTER + "}"));

        for (JsonNode call : page.path("calls")) {
            assertThat(fieldNames(call)).containsExactly("metaData");
        }
    }

    @Test
    void contentSelectorProjectsSelectedBlocks() {
        String body = "{\"filter\":" + WINDOW_FILTER + ",\"contentSelector\":{\"exposedFields\":{"
                + "\"parties\":true,\"media\":true,\"content\":{\"topics\":true},"
                + "\"interaction\":{\"personInteractionStats\":true}}}}";

        JsonNode call = okJson(client.post("/v2/calls/extensive", body)).path("calls").get(0);

        assertThat(fieldNames(call)).containsExactly("metaData", "parties", "content", "interaction", "media");
        assertThat(fieldNames(call.path("content"))).containsExactly("topics");
        assertThat(fieldNames(call.path("interaction"))).containsExactly("interactionStats");
        String id = call.path("metaData").path("id").asText();
        assertThat(call.path("media").path("audioUrl").asText())
                .isEqualTo(simulator.baseUrl() + "/media/" + id + "/audio.mp3");
        assertThat(call.path("media").path("videoUrl").asText())
                .isEqualTo(simulator.baseUrl() + "/media/" + id + "/video.mp4");
    }

    @Test
    void contentMatchesRecording() throws IOException {
        JsonNode recording = recorded("calls_extensive_list_content_selector.json");
        ObjectNode body = (ObjectNode) recording.path("request").path("body").deepCopy();
        JsonNode expected = recording.path("response").path("calls").get(0);

        JsonNode call = okJson(client.post("/v2/calls/extensive", body.toString())).path("calls").get(0);

        assertThat(call.path("metaData")).isEqualTo(expected.path("metaData"));
        assertThat(call.path("parties")).isEqualTo(expected.path("parties"));
        assertThat(call.path("content")).isEqualTo(expected.path("content"));
        assertThat(call.path("interaction")).isEqualTo(expected.path("interaction"));
        assertThat(call.path("media").path("audioUrl").asText()).startsWith(simulator.baseUrl());
    }

    @Test
    void extensiveFiltersByIdsAndHost() {
        String body = "{\"filter\":{\"callIds\":[\"5198900831628433849\",\"3200016873031789247\"],"
                + "\"primaryUserIds\":[\"841697149643495318\"]}}";

        JsonNode page = okJson(client.post("/v2/calls/extensive", body));

        assertThat(page.path("records").path("totalRecords").asInt()).isEqualTo(2);
    }

    @Test
    void extensiveWithoutMatchesGets404() {
        HttpResponse<String> response = client.post("/v2/calls/extensive",
                "{\"filter\":{\"fromDateTime\":\"2020-01-01T00:00:00Z\",\"toDateTime\":\"2020-01-02T00:00:00Z\"}}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText())
                .isEqualTo(CallsEndpoints.NO_CALLS_FOUND);
    }

    @Test
    void extensiveWithoutFilterGets400() {
        HttpResponse<String> response = client.post("/v2/calls/extensive", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void unknownContextValueGets400() {
        HttpResponse<String> response = client.post("/v2/calls/extensive",
                "{\"filter\":{},\"contentSelector\":{\"context\":\"Everything\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void transcriptByCallIdMatchesTheRecording() throws IOException {
        JsonNode recording = recorded("call_transcripts_list_by_call_id.json");

        JsonNode page = okJson(client.post("/v2/calls/transcript",
                recording.path("request").path("body").toString()));

        assertThat(page.path("callTranscripts")).isEqualTo(recording.path("response").path("callTranscripts"));
        assertThat(page.path("records").path("totalRecords").asInt()).isEqualTo(1);
    }

    @Test
    void transcriptBodyCursorWalksPages() {
        simulator.setPageSize(3);

        List<JsonNode> pages = walk("/v2/calls/transcript", "{\"filter\":" + TEST_ACCOUNT_FILTER
                + ",\"cursor\":null}", "callTranscripts");

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).path("callTranscripts").size()).isEqualTo(3);
        assertThat(pages.get(1).path("callTranscripts").size()).isEqualTo(1);
        assertThat(pages.get(1).path("records").path("totalRecords").asInt()).isEqualTo(4);
    }

    @Test
    void transcriptsOfEmptyWindowGet404() {
        HttpResponse<String> response = client.post("/v2/calls/transcript",
                "{\"filter\":{\"fromDateTime\":\"2020-01-01T00:00:00Z\",\"toDateTime\":\"2020-01-02T00:00:00Z\"}}");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void journalRecordsPostBodies() {
        client.post("/v2/calls/extensive", "{\"filter\":" + WINDOW_FILTER + "}");

        List<LoggedRequest> requests = simulator.server().findAll(postRequestedFor(urlEqualTo("/v2/calls/extensive")));

        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getBodyAsString()).contains("2024-12-02T23:59:59Z");
    }

    private List<JsonNode> walk(String path, String firstBody, String itemsField) {
        List<JsonNode> pages = new ArrayList<>();
        ObjectNode body = (ObjectNode) SimulatorClient.parse(firstBody);
        while (true) {
            JsonNode page = okJson(client.post(path, body.toString()));
            assertThat(page.path(itemsField).isArray()).isTrue();
            pages.add(page);
            if (!page.path("records").has("cursor")) {
                return pages;
            }
            body.put("cursor", page.path("records").path("cursor").asText());
            assertThat(pages.size()).as("pages walked").isLessThan(20);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
