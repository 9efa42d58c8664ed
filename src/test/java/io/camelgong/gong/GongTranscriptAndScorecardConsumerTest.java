package io.camelgong.gong;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GongTranscriptAndScorecardConsumerTest extends ConsumerTestSupport {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void deliversEachTranscriptOnce() throws Exception {
        gong.addCall("11", at(now.minus(Duration.ofHours(2)), -5));
        gong.removeTranscript("11");
        gong.addCall("12", at(now.minus(Duration.ofHours(1)), 0));

        startContext(uri("call_transcripts", ""), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 1);
        gong.addCall("11", at(now.minus(Duration.ofHours(2)), -5));
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 2);
        waitForPolls("/v2/calls/transcript", 3);

        assertThat(receivedIds()).containsExactly("12", "11");
        Map<String, Object> body = body(received.get(0));
        assertThat(body).containsEntry("callId", "12").containsKey("transcript");
        assertThat(received.get(0).getMessage().getHeader(GongConstants.CALL_STARTED)).isNull();
        assertThat(received.get(0).getMessage().getHeader(GongConstants.ENTITY)).isEqualTo("call_transcripts");
    }

    @Test
    void deliversEachAnsweredScorecardOnce() throws Exception {
        gong.addCall("21", at(now.minus(Duration.ofHours(3)), 2));
        gong.addCall("22", at(now.minus(Duration.ofHours(1)), 0));

        startContext(uri("stats_activity_scorecards", ""), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 2);
        waitForPolls("/v2/stats/activity/scorecards", 3);

        assertThat(receivedIds()).containsExactlyInAnyOrder("21", "22");
        List<Object> scorecardIds = received.stream().map(e -> body(e).get("answeredScorecardId")).toList();
        assertThat(scorecardIds).doesNotHaveDuplicates().hasSize(2);
        assertThat(received.get(0).getMessage().getHeader(GongConstants.CALL_STARTED, OffsetDateTime.class))
                .isNotNull();
    }

    @Test
    void enrichOnTranscriptConsumerIsRejected() {
        CamelContext context = new DefaultCamelContext();

        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri("call_transcripts", "enrich=extensive")).to("log:never");
                }
            });
            context.start();
        }).hasStackTraceContaining("apply to the gong:calls consumer only");
        context.stop();
    }

    private void waitForPolls(String path, int polls) {
        int seen = server.findAll(postRequestedFor(urlPathEqualTo(path))).size();
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> server.findAll(postRequestedFor(urlPathEqualTo(path))).size() >= seen + polls);
    }
}
