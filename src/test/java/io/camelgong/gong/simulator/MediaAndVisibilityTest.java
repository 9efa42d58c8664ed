package io.camelgong.gong.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.camelgong.gong.simulator.CallsListTest.okJson;
import static org.assertj.core.api.Assertions.assertThat;

class MediaAndVisibilityTest {

    private static final String CALL_ID = "1469047516138949485";
    private static final String WINDOW = "fromDateTime=2026-01-05T00:00:00Z&toDateTime=2026-01-06T00:00:00Z";

    private GongSimulator simulator;
    private SimulatorClient client;

    @BeforeEach
    void startSimulator() {
        simulator = GongSimulator.builder().mediaSize(10_000).start();
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void mediaRangeGets206WithContentRange() {
        String url = audioUrl(CALL_ID);
        SimulatorClient mediaClient = new SimulatorClient(simulator).authorization(null);

        HttpResponse<byte[]> whole = mediaClient.getBytes(url, null);
        HttpResponse<byte[]> part = mediaClient.getBytes(url, "bytes=100-199");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).hasSize(10_000);
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/10000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 100, 200));
    }

    @Test
    void openAndSuffixRangesAgree() {
        String url = audioUrl(CALL_ID);
        SimulatorClient mediaClient = new SimulatorClient(simulator).authorization(null);

        HttpResponse<byte[]> open = mediaClient.getBytes(url, "bytes=9990-");
        HttpResponse<byte[]> suffix = mediaClient.getBytes(url, "bytes=-10");

        assertThat(open.headers().firstValue("Content-Range")).hasValue("bytes 9990-9999/10000");
        assertThat(suffix.headers().firstValue("Content-Range")).hasValue("bytes 9990-9999/10000");
        assertThat(suffix.body()).isEqualTo(open.body());
    }

    @Test
    void mediaRangeBeyondTheEndGets416() {
        HttpResponse<byte[]> response = new SimulatorClient(simulator).authorization(null)
                .getBytes(audioUrl(CALL_ID), "bytes=20000-");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */10000");
    }

    @Test
    void mediaWithAuthorizationHeaderGets400() {
        HttpResponse<byte[]> response = new SimulatorClient(simulator).getBytes(audioUrl(CALL_ID), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body())).contains("InvalidArgument");
    }

    @Test
    void mediaOfUnknownCallGets404() {
        HttpResponse<byte[]> response = new SimulatorClient(simulator).authorization(null)
                .getBytes(simulator.baseUrl() + "/media/1234567890123456789/audio.mp3", null);

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void hiddenCallAppearsAfterReveal() {
        simulator.data().addCall("9100000000000000001", OffsetDateTime.parse("2026-01-05T09:00:00-08:00"));
        simulator.data().hideCall("9100000000000000001");

        HttpResponse<String> hidden = client.get("/v2/calls?" + WINDOW);
        simulator.data().revealCall("9100000000000000001");
        JsonNode visible = okJson(client.get("/v2/calls?" + WINDOW));

        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(visible.path("calls").get(0).path("id").asText()).isEqualTo("9100000000000000001");
    }

    @Test
    void callAppearsAtVisibleFrom() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T18:00:00Z"));
        simulator.setClock(clock);
        ObjectNode record = GongSimulatorData.callRecord("9100000000000000002",
                OffsetDateTime.parse("2026-01-05T09:00:00-08:00"));
        simulator.data().addCall(record, clock.instant().plus(Duration.ofMinutes(30)));

        int before = client.get("/v2/calls/9100000000000000002").statusCode();
        clock.advance(Duration.ofMinutes(30));
        int after = client.get("/v2/calls/9100000000000000002").statusCode();

        assertThat(before).isEqualTo(404);
        assertThat(after).isEqualTo(200);
    }

    @Test
    void hiddenCallTranscriptIsListed() {
        simulator.data().addCall("9100000000000000003", OffsetDateTime.parse("2026-01-05T09:00:00-08:00"));
        simulator.data().hideCall("9100000000000000003");
        simulator.data().addTranscript("9100000000000000003", Json.MAPPER.createArrayNode());

        JsonNode page = okJson(client.post("/v2/calls/transcript",
                "{\"filter\":{\"callIds\":[\"9100000000000000003\"]}}"));

        assertThat(page.path("callTranscripts").get(0).path("callId").asText()).isEqualTo("9100000000000000003");
    }

    @Test
    void emptySimulatorHasNoCalls() {
        try (GongSimulator empty = GongSimulator.empty()) {
            HttpResponse<String> response = new SimulatorClient(empty).get("/v2/calls?" + WINDOW);
            JsonNode users = okJson(new SimulatorClient(empty).get("/v2/users"));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(users.path("records").path("totalRecords").asInt()).isZero();
        }
    }

    private String audioUrl(String callId) {
        String body = "{\"filter\":{\"callIds\":[\"" + callId + "\"]},"
                + "\"contentSelector\":{\"exposedFields\":{\"media\":true}}}";
        JsonNode call = okJson(client.post("/v2/calls/extensive", body)).path("calls").get(0);
        return call.path("media").path("audioUrl").asText();
    }
}
