package io.camelgong.gong.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallsListTest {

    private static final String NOVEMBER = "fromDateTime=2024-11-01T00:00:00Z&toDateTime=2024-11-15T23:59:59Z";
    private static final String NOVEMBER_TO_DECEMBER =
            "fromDateTime=2024-11-01T00:00:00Z&toDateTime=2024-12-02T23:59:59Z";

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
    void novemberFirstPageMatchesRecording() throws IOException {
        JsonNode page = okJson(client.get("/v2/calls?" + NOVEMBER));

        assertThat(page.path("records").path("totalRecords").asInt()).isEqualTo(159);
        assertThat(page.path("records").path("currentPageSize").asInt()).isEqualTo(100);
        assertThat(page.path("records").path("currentPageNumber").asInt()).isZero();
        assertThat(page.path("records").path("cursor").asText()).isNotEmpty();
        assertThat(ids(page)).isEqualTo(recordedNovemberIds());
    }

    @Test
    void cursorWalksThreePagesOfDefaultSize() {
        List<JsonNode> pages = walk("/v2/calls?" + NOVEMBER_TO_DECEMBER);

        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).path("records").path("currentPageSize").asInt()).isEqualTo(100);
        assertThat(pages.get(1).path("records").path("currentPageSize").asInt()).isEqualTo(100);
        assertThat(pages.get(2).path("records").path("currentPageSize").asInt()).isEqualTo(99);
        assertThat(pages.get(2).path("records").path("currentPageNumber").asInt()).isEqualTo(2);
        assertThat(pages.get(2).path("records").has("cursor")).isFalse();
        assertThat(allIds(pages)).hasSize(299);
    }

    @Test
    void smallerPageSizeGivesMorePages() {
        simulator.setPageSize(50);

        List<JsonNode> pages = walk("/v2/calls?" + NOVEMBER);

        assertThat(pages).hasSize(4);
        assertThat(pages.get(3).path("records").path("currentPageSize").asInt()).isEqualTo(9);
        assertThat(allIds(pages)).hasSize(159);
        Instant from = Instant.parse("2024-11-01T00:00:00Z");
        Instant to = Instant.parse("2024-11-15T23:59:59Z");
        for (JsonNode page : pages) {
            assertThat(page.path("records").path("totalRecords").asInt()).isEqualTo(159);
            for (JsonNode call : page.path("calls")) {
                Instant started = OffsetDateTime.parse(call.path("started").asText()).toInstant();
                assertThat(started).isAfterOrEqualTo(from).isBefore(to);
            }
        }
    }

    @Test
    void toDateTimeIsExclusiveInstant() {
        // The recorded call 5198900831628433849 started at 2023-04-11T14:37:55.717888+03:00.
        String atStart = "fromDateTime=" + encode("2023-04-11T11:37:55.717888Z") + "&toDateTime="
                + encode("2023-04-11T14:37:56+03:00");
        String endingAtStart = "fromDateTime=2023-04-11T00:00:00Z&toDateTime="
                + encode("2023-04-11T14:37:55.717888+03:00");

        JsonNode included = okJson(client.get("/v2/calls?" + atStart));
        HttpResponse<String> excluded = client.get("/v2/calls?" + endingAtStart);

        assertThat(ids(included)).contains("5198900831628433849");
        assertThat(ids(okJson(excluded))).doesNotContain("5198900831628433849");
    }

    @Test
    void workspaceFilterSelectsItsCalls() {
        JsonNode page = okJson(client.get("/v2/calls?fromDateTime=2023-01-01T00:00:00Z"
                + "&toDateTime=2025-01-01T00:00:00Z&workspaceId=1162854905530531642"));

        assertThat(page.path("records").path("totalRecords").asInt()).isEqualTo(4);
    }

    @Test
    void emptyWindowGets404NoCallsFound() {
        HttpResponse<String> response = client.get(
                "/v2/calls?fromDateTime=2020-01-01T00:00:00Z&toDateTime=2020-02-01T00:00:00Z");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText())
                .isEqualTo("No calls found corresponding to the provided filters");
    }

    @Test
    void fromAfterToGets400() {
        HttpResponse<String> response = client.get(
                "/v2/calls?fromDateTime=2024-12-01T00:00:00Z&toDateTime=2024-11-01T00:00:00Z");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText()).contains("must not be after");
    }

    @Test
    void missingFromDateTimeStartsAtEarliestCall() {
        HttpResponse<String> response = client.get("/v2/calls?toDateTime=2023-01-03T00:00:00Z");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(response).path("calls").size()).isPositive();
        for (var call : SimulatorClient.json(response).path("calls")) {
            assertThat(OffsetDateTime.parse(call.path("started").asText()).toInstant())
                    .isBefore(Instant.parse("2023-01-03T00:00:00Z"));
        }
    }

    @Test
    void dateTimeWithoutOffsetGets400() {
        HttpResponse<String> response = client.get(
                "/v2/calls?fromDateTime=2024-11-01T00:00:00&toDateTime=2024-11-02T00:00:00Z");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void cursorOfAnotherFilterGets400() {
        String cursor = okJson(client.get("/v2/calls?" + NOVEMBER)).path("records").path("cursor").asText();

        HttpResponse<String> response = client.get("/v2/calls?" + NOVEMBER_TO_DECEMBER + "&cursor=" + cursor);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText()).contains("does not belong");
    }

    @Test
    void garbageCursorGets400() {
        HttpResponse<String> response = client.get("/v2/calls?" + NOVEMBER + "&cursor=not-a-cursor");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText()).contains("cursor is not valid");
    }

    @Test
    void cursorExpiresAfterItsTimeToLive() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
        simulator.setClock(clock);
        String cursor = okJson(client.get("/v2/calls?" + NOVEMBER)).path("records").path("cursor").asText();

        clock.advance(GongSimulator.DEFAULT_CURSOR_TTL.plus(Duration.ofSeconds(1)));
        HttpResponse<String> response = client.get("/v2/calls?" + NOVEMBER + "&cursor=" + cursor);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText()).contains("cursor has expired");
    }

    @Test
    void zeroTimeToLiveExpiresEveryCursor() {
        String cursor = okJson(client.get("/v2/calls?" + NOVEMBER)).path("records").path("cursor").asText();
        simulator.setCursorTtl(Duration.ZERO);

        HttpResponse<String> response = client.get("/v2/calls?" + NOVEMBER + "&cursor=" + cursor);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText()).contains("cursor has expired");
    }

    @Test
    void getReturnsRecordedCall() throws IOException {
        JsonNode recorded = recorded("calls_get.json").path("response").path("call");

        JsonNode body = okJson(client.get("/v2/calls/5198900831628433849"));

        assertThat(body.path("call")).isEqualTo(recorded);
        assertThat(body.path("requestId").asText()).isNotEmpty();
    }

    @Test
    void getOfUnknownCallGets404() {
        HttpResponse<String> response = client.get("/v2/calls/1234567890123456789");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText()).contains("Call ID was not found");
    }

    @Test
    void getOfNonNumericIdGets400() {
        HttpResponse<String> response = client.get("/v2/calls/abc");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void journalRecordsEveryRequestWithItsUrl() {
        client.get("/v2/calls?" + NOVEMBER);
        client.get("/v2/calls?" + NOVEMBER);

        long count = simulator.server().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals("/v2/calls?" + NOVEMBER))
                .count();
        assertThat(count).isEqualTo(2);
    }

    private List<JsonNode> walk(String pathAndQuery) {
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = okJson(client.get(pathAndQuery));
        pages.add(page);
        while (page.path("records").has("cursor")) {
            String cursor = page.path("records").path("cursor").asText();
            page = okJson(client.get(pathAndQuery + "&cursor=" + encode(cursor)));
            pages.add(page);
            assertThat(pages.size()).as("pages walked").isLessThan(20);
        }
        return pages;
    }

    private static Set<String> allIds(List<JsonNode> pages) {
        Set<String> ids = new HashSet<>();
        int count = 0;
        for (JsonNode page : pages) {
            ids.addAll(ids(page));
            count += page.path("calls").size();
        }
        assertThat(ids).hasSize(count);
        return ids;
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new LinkedHashSet<>();
        page.path("calls").forEach(call -> ids.add(call.path("id").asText()));
        return ids;
    }

    private static Set<String> recordedNovemberIds() throws IOException {
        Set<String> ids = new HashSet<>();
        recorded("calls_list_november.json").path("response").path("calls")
                .forEach(call -> ids.add(call.path("id").asText()));
        return ids;
    }

    static JsonNode recorded(String file) throws IOException {
        try (InputStream in = CallsListTest.class.getResourceAsStream("/recorded/" + file)) {
            return Json.MAPPER.readTree(in);
        }
    }

    static JsonNode okJson(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SimulatorClient.json(response);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
