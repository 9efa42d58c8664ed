package io.camelgong.gong;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.simulator.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Window boundaries under a clock the test moves: the lookback start is inclusive, the poll time exclusive, and a
 * long first window is split.
 */
class GongConsumerWindowTest extends ConsumerTestSupport {

    private static final Instant T1 = Instant.parse("2026-12-04T12:00:00Z");

    private final MutableClock clock = new MutableClock(T1);

    @Test
    void lookbackStartInclusivePollTimeExclusive() throws Exception {
        String uri = uri("calls", "lookback=PT1H&initialFromDateTime=PT2H");
        startContext(uri, exchange -> {
        }, context -> context.getEndpoint(uri, GongEndpoint.class).setConsumerClock(clock));
        await().atMost(10, TimeUnit.SECONDS).until(() -> T1.equals(storedWatermark("calls")));

        clock.advance(Duration.ofMinutes(5));
        Instant windowStart = T1.minus(Duration.ofHours(1));
        Instant pollTime = T1.plus(Duration.ofMinutes(5));
        gong.addCall("1", at(windowStart, -7));
        gong.addCall("2", at(windowStart.minusNanos(1000), 1));
        gong.addCall("3", at(pollTime, 9));
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 1);
        waitForPolls(2);

        assertThat(receivedIds()).containsExactly("1");
        assertThat(storedWatermark("calls")).isEqualTo(pollTime);

        clock.advance(Duration.ofSeconds(1));
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 2);
        waitForPolls(2);

        assertThat(receivedIds()).containsExactly("1", "3");
        assertThat(received.get(1).getMessage().getHeader(GongConstants.CALL_STARTED, OffsetDateTime.class)
                .getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
    }

    @Test
    void firstWindowOverNinetyDaysIsSplit() throws Exception {
        String uri = uri("calls", "initialFromDateTime=P200D&delay=600000");
        gong.addCall("1", at(T1.minus(Duration.ofDays(150)), 0));
        gong.addCall("2", at(T1.minus(Duration.ofDays(10)), 0));
        startContext(uri, exchange -> {
        }, context -> context.getEndpoint(uri, GongEndpoint.class).setConsumerClock(clock));
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 2);

        List<LoggedRequest> requests = server.findAll(getRequestedFor(urlPathEqualTo("/v2/calls")));
        assertThat(requests).hasSize(3);
        assertThat(param(requests.get(0), "fromDateTime")).isEqualTo(T1.minus(Duration.ofDays(200)).toString());
        assertThat(param(requests.get(0), "toDateTime")).isEqualTo(T1.minus(Duration.ofDays(110)).toString());
        assertThat(param(requests.get(1), "fromDateTime")).isEqualTo(param(requests.get(0), "toDateTime"));
        assertThat(param(requests.get(2), "toDateTime")).isEqualTo(T1.toString());
        assertThat(receivedIds()).containsExactly("1", "2");
    }

    @Test
    void givenIdempotentRepositoryIsUsed() throws Exception {
        IdempotentRepository repository = new MemoryIdempotentRepository();
        repository.start();
        repository.add("1");
        gong.addCall("1", at(T1.minus(Duration.ofMinutes(30)), 0));
        gong.addCall("2", at(T1.minus(Duration.ofMinutes(20)), 0));
        String uri = uri("calls", "idempotentRepository=#seen");

        startContext(uri, exchange -> {
        }, context -> {
            context.getRegistry().bind("seen", repository);
            context.getEndpoint(uri, GongEndpoint.class).setConsumerClock(clock);
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 1);
        waitForPolls(2);

        assertThat(receivedIds()).containsExactly("2");
        assertThat(repository.contains("2")).isTrue();
    }

    @Test
    void recordWithoutStartIsSkipped() throws Exception {
        gong.addCall("1", at(T1.minus(Duration.ofMinutes(30)), 0));
        gong.addCall("2", at(T1.minus(Duration.ofMinutes(20)), 0));
        gong.corruptStart("1");
        String uri = uri("calls", "");

        startContext(uri, exchange -> {
        }, context -> context.getEndpoint(uri, GongEndpoint.class).setConsumerClock(clock));
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 1);
        waitForPolls(2);

        assertThat(receivedIds()).containsExactly("2");
    }

    private void waitForPolls(int polls) {
        int seen = server.findAll(getRequestedFor(urlPathEqualTo("/v2/calls"))).size();
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> server.findAll(getRequestedFor(urlPathEqualTo("/v2/calls"))).size() >= seen + polls);
    }

    private static String param(LoggedRequest request, String name) {
        return request.queryParameter(name).firstValue();
    }
}
