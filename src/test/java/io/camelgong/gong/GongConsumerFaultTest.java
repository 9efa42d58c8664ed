package io.camelgong.gong;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The calls consumer under transport faults and rate limiting in the middle of paging: whether the retries absorb
 * the fault or the poll fails and the next one reads again, every call is delivered exactly once.
 */
class GongConsumerFaultTest extends ConsumerTestSupport {

    private static final List<String> CALL_IDS = List.of("101", "102", "103", "104", "105");

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 1),
                Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE), 1),
                Arguments.of("malformed chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), 1),
                Arguments.of("random data then close", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), 1),
                Arguments.of("delay beyond read timeout", aResponse().withStatus(200).withFixedDelay(2_000), 1),
                Arguments.of("503 then success", aResponse().withStatus(503), 2),
                Arguments.of("429 storm with Retry-After", aResponse().withStatus(429).withHeader("Retry-After", "1"), 3),
                Arguments.of("429 storm without Retry-After", aResponse().withStatus(429), 3),
                Arguments.of("faults beyond the retries", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyCallDeliveredOnceDespiteFault(String fault, ResponseDefinitionBuilder response, int times)
            throws Exception {
        for (int i = 0; i < CALL_IDS.size(); i++) {
            gong.addCall(CALL_IDS.get(i), at(now.minus(Duration.ofMinutes(50 - i * 10L)), i % 2 == 0 ? 0 : -5));
        }
        gong.setPageSize(2);
        failPagedRequests(response, times);

        startContext(uri("calls", "readTimeout=500&maxRetries=2&retryDelay=50&maxRetryDelay=100"
                                  + "&maxRateLimitWait=10000&rateLimit=50"), exchange -> {
        });
        await().atMost(30, TimeUnit.SECONDS).until(() -> received.size() >= CALL_IDS.size());
        await().atMost(10, TimeUnit.SECONDS).until(() -> storedWatermark("calls") != null);
        Instant deliveredAt = storedWatermark("calls");
        // two more polls after the last delivery, so a repeat would have arrived
        await().atMost(10, TimeUnit.SECONDS).until(() -> {
            Instant watermark = storedWatermark("calls");
            return watermark != null && watermark.isAfter(deliveredAt.plusMillis(150));
        });

        assertThat(receivedIds()).containsExactlyElementsOf(CALL_IDS);
        // every fault was served, and more paged requests followed them
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/v2/calls")).withQueryParam("cursor", matching(".+"))))
                .hasSizeGreaterThan(times);
        assertThat(server.getAllScenarios().getScenarios().get(0).getState()).isEqualTo("fault-" + times);
    }

    /**
     * Responds to the first requests that carry a cursor (the second page of a poll) with the fault, then lets the fake
     * Gong respond again.
     */
    private void failPagedRequests(ResponseDefinitionBuilder response, int times) {
        for (int i = 0; i < times; i++) {
            server.stubFor(get(urlPathEqualTo("/v2/calls")).atPriority(1)
                    .withQueryParam("cursor", matching(".+"))
                    .inScenario("fault")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "fault-" + i)
                    .willSetStateTo("fault-" + (i + 1))
                    .willReturn(response));
        }
    }
}
