package io.camelgong.gong;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GongCallsConsumerTest extends ConsumerTestSupport {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void deliversEachCallOnceOldestFirst() throws Exception {
        gong.addCall("300", at(now.minus(Duration.ofHours(1)), 0));
        gong.addCall("100", at(now.minus(Duration.ofHours(3)), -8));
        gong.addCall("200", at(now.minus(Duration.ofHours(2)), 3));

        startContext(uri("calls", ""), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 3);
        waitForPolls(3);

        assertThat(receivedIds()).containsExactly("100", "200", "300");
        Exchange first = received.get(0);
        assertThat(first.getMessage().getHeader(GongConstants.CALL_STARTED, OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.parse(at(now.minus(Duration.ofHours(3)), -8)));
        assertThat(first.getMessage().getHeader(GongConstants.ENTITY)).isEqualTo("calls");
        assertThat(body(first)).containsEntry("id", "100").containsKey("title");
    }

    @Test
    void lateCallBeforeWatermarkIsDeliveredOnce() throws Exception {
        gong.addCall("1", at(now.minus(Duration.ofMinutes(30)), 0));
        startContext(uri("calls", ""), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 1);
        Instant lateStart = now.minus(Duration.ofHours(3));
        await().atMost(10, TimeUnit.SECONDS).until(() -> {
            Instant watermark = storedWatermark("calls");
            return watermark != null && watermark.isAfter(lateStart.plus(Duration.ofHours(2)));
        });

        gong.addCall("2", at(lateStart, 2));
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 2);
        waitForPolls(3);

        assertThat(receivedIds()).containsExactly("1", "2");
    }

    @Test
    void failedCallComesAgainOthersDoNot() throws Exception {
        gong.addCall("1", at(now.minus(Duration.ofHours(3)), 0));
        gong.addCall("2", at(now.minus(Duration.ofHours(2)), 0));
        gong.addCall("3", at(now.minus(Duration.ofHours(1)), 0));
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        List<String> attempts = new CopyOnWriteArrayList<>();

        startContext(uri("calls", ""), exchange -> {
            String id = exchange.getMessage().getHeader(GongConstants.CALL_ID, String.class);
            attempts.add(id);
            if ("2".equals(id) && failedOnce.add(id)) {
                throw new IllegalStateException("simulated failure for call 2");
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 3);
        waitForPolls(3);

        assertThat(receivedIds()).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(attempts).containsExactly("1", "2", "3", "2");
    }

    @Test
    void failedCallHoldsWatermarkBack() throws Exception {
        Instant failingStart = now.minus(Duration.ofHours(2));
        gong.addCall("1", at(failingStart, 0));
        gong.addCall("2", at(now.minus(Duration.ofHours(1)), 0));

        startContext(uri("calls", ""), exchange -> {
            if ("1".equals(exchange.getMessage().getHeader(GongConstants.CALL_ID))) {
                throw new IllegalStateException("call 1 always fails");
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 1);
        waitForPolls(3);

        assertThat(storedWatermark("calls")).isEqualTo(failingStart);
        assertThat(receivedIds()).containsExactly("2");
    }

    @Test
    void failedPollKeepsWatermark() throws Exception {
        gong.addCall("1", at(now.minus(Duration.ofMinutes(30)), 0));
        startContext(uri("calls", ""), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 1);
        waitForPolls(1);
        Instant before = storedWatermark("calls");

        gong.failNextLists(3);
        gong.addCall("2", at(now.minus(Duration.ofMinutes(20)), 0));
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 2);

        assertThat(receivedIds()).containsExactly("1", "2");
        assertThat(storedWatermark("calls")).isAfterOrEqualTo(before);
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/v2/calls"))).size()).isGreaterThan(4);
    }

    @Test
    void asyncRouteCommitsAfterCompletion() throws Exception {
        for (int i = 1; i <= 4; i++) {
            gong.addCall(String.valueOf(i), at(now.minus(Duration.ofMinutes(60 - i)), 0));
        }
        CountDownLatch release = new CountDownLatch(1);
        String uri = uri("calls", "");
        startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("gong-consumer").threads(4).process(exchange -> release.await(10, TimeUnit.SECONDS))
                        .process(received::add);
            }
        }, context -> {
        });
        waitForPolls(5);

        // Polls that run while the exchanges are in flight may commit, but never past the oldest in-flight call.
        Instant whileInFlight = storedWatermark("calls");
        if (whileInFlight != null) {
            assertThat(whileInFlight).isBeforeOrEqualTo(now.minus(Duration.ofMinutes(59)));
        }
        assertThat(received).isEmpty();

        release.countDown();
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 4);
        await().atMost(10, TimeUnit.SECONDS).until(() -> storedWatermark("calls") != null);
        waitForPolls(3);

        assertThat(receivedIds()).containsExactlyInAnyOrder("1", "2", "3", "4");
    }

    @Test
    void restartMidPollLosesAndRepeatsNothing() throws Exception {
        for (int i = 1; i <= 6; i++) {
            gong.addCall(String.valueOf(i), at(now.minus(Duration.ofMinutes(70 - i * 10L)), 0));
        }
        CountDownLatch twoDone = new CountDownLatch(2);
        CamelContext first = startContext(uri("calls", ""), exchange -> {
            Thread.sleep(300);
            twoDone.countDown();
        });
        assertThat(twoDone.await(10, TimeUnit.SECONDS)).isTrue();
        first.stop();
        contexts.remove(first);
        List<String> beforeRestart = receivedIds();
        assertThat(beforeRestart).hasSizeLessThan(6);

        startContext(uri("calls", ""), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 6);
        waitForPolls(3);

        assertThat(receivedIds()).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void pagesThroughEveryCursor() throws Exception {
        gong.setPageSize(2);
        for (int i = 1; i <= 5; i++) {
            gong.addCall(String.valueOf(i), at(now.minus(Duration.ofMinutes(60 - i)), 0));
        }

        startContext(uri("calls", ""), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 5);
        waitForPolls(2);

        assertThat(receivedIds()).containsExactly("1", "2", "3", "4", "5");
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/v2/calls")))
                .stream().map(r -> r.queryParameter("cursor").isPresent() ? r.queryParameter("cursor").firstValue()
                        : "")
                .toList()).contains("page-2", "page-4");
    }

    @Test
    void emptyWindowIsNotAnError() throws Exception {
        CamelContext context = startContext(uri("calls", ""), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> storedWatermark("calls") != null);
        waitForPolls(2);

        GongConsumer consumer = (GongConsumer) context.getRoute("gong-consumer").getConsumer();
        assertThat(received).isEmpty();
        assertThat(consumer.getErrorCounter()).isZero();
        assertThat(storedWatermark("calls")).isAfter(now.minusSeconds(5));
    }

    @Test
    void windowStartIsInclusive() throws Exception {
        Instant floor = now.minus(Duration.ofHours(5));
        gong.addCall("1", at(floor, -8));
        gong.addCall("2", at(floor.minusNanos(1000), 5));
        gong.addCall("3", at(floor.plus(Duration.ofHours(1)), 14));

        startContext(uri("calls", "initialFromDateTime=RAW(" + at(floor, 2) + ")"), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 2);
        waitForPolls(3);

        assertThat(receivedIds()).containsExactly("1", "3");
    }

    @Test
    void limitsMessagesPerPollAndSetsBatchProperties() throws Exception {
        for (int i = 1; i <= 5; i++) {
            gong.addCall(String.valueOf(i), at(now.minus(Duration.ofMinutes(60 - i)), 0));
        }

        startContext(uri("calls", "maxMessagesPerPoll=2"), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 5);
        waitForPolls(2);

        assertThat(receivedIds()).containsExactly("1", "2", "3", "4", "5");
        assertThat(received.get(0).getProperty(ExchangePropertyKey.BATCH_SIZE)).isEqualTo(2);
        assertThat(received.get(0).getProperty(ExchangePropertyKey.BATCH_INDEX)).isEqualTo(0);
        assertThat(received.get(0).getProperty(ExchangePropertyKey.BATCH_COMPLETE)).isEqualTo(false);
        assertThat(received.get(1).getProperty(ExchangePropertyKey.BATCH_COMPLETE)).isEqualTo(true);
        assertThat(received.get(4).getProperty(ExchangePropertyKey.BATCH_SIZE)).isEqualTo(1);
    }

    @Test
    void enrichmentBatchesCallIdsByHundred() throws Exception {
        for (int i = 0; i < 150; i++) {
            gong.addCall(String.valueOf(1000 + i), at(now.minus(Duration.ofMinutes(200 - i)), 0));
        }
        gong.removeTranscript("1149");

        startContext(uri("calls", "enrich=extensive,transcript&contentSelector=parties,content.topics"
                                  + "&transcriptMaxAttempts=2"),
                exchange -> {
                });
        await().atMost(15, TimeUnit.SECONDS).until(() -> received.size() >= 150);
        waitForPolls(3);

        List<String> firstHundred = ids(1000, 1100);
        assertThat(gong.extensiveCallIds()).containsExactly(firstHundred, ids(1100, 1150), List.of("1149"));
        assertThat(gong.transcriptCallIds()).containsExactly(firstHundred, ids(1100, 1150), List.of("1149"));
        assertThat(receivedIds()).hasSize(150).doesNotHaveDuplicates();
        assertThat(receivedIds().get(149)).isEqualTo("1149");
        Exchange complete = received.get(0);
        assertThat(body(complete)).containsKeys("extensive", "transcript");
        assertThat(complete.getMessage().getHeader(GongConstants.TRANSCRIPT_MISSING)).isNull();
        Exchange missing = received.get(149);
        assertThat(body(missing)).containsKey("extensive").doesNotContainKey("transcript");
        assertThat(missing.getMessage().getHeader(GongConstants.TRANSCRIPT_MISSING)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void workspacesKeepSeparateState() throws Exception {
        CamelContext context = startContext(uri("calls", "workspaceId=1162854905530531642"), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> storedWatermark("calls") != null);
        GongConsumer consumer = (GongConsumer) context.getRoute("gong-consumer").getConsumer();

        assertThat(consumer.keyPrefix()).startsWith("gong.consumer.accessKey:").endsWith(
                ".calls.workspaceId-1162854905530531642");
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/v2/calls"))).get(0)
                .queryParameter("workspaceId").firstValue()).isEqualTo("1162854905530531642");
    }

    @Test
    void readyAfterFirstGoodPoll() throws Exception {
        CamelContext context = startContext(uri("calls", "initialDelay=1000"), exchange -> {
        });
        GongConsumer consumer = (GongConsumer) context.getRoute("gong-consumer").getConsumer();

        assertThat(consumer.getHealthCheck().call().getState()).isEqualTo(HealthCheck.State.DOWN);
        // The poll stores the watermark before it returns, and Camel marks the consumer ready only after the return.
        await().atMost(10, TimeUnit.SECONDS).until(() -> storedWatermark("calls") != null);
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> consumer.getHealthCheck().call().getState() == HealthCheck.State.UP);
    }

    @Test
    void defaultDelayIsFiveMinutes() throws Exception {
        String uri = "gong:calls?baseUrl=http://127.0.0.1:" + server.port() + "&accessKey=key&accessKeySecret=s"
                     + "&initialDelay=600000";
        CamelContext context = startContext(uri, exchange -> {
        });
        GongConsumer consumer = (GongConsumer) context.getRoute("gong-consumer").getConsumer();

        assertThat(consumer.getDelay()).isEqualTo(300_000L);
    }

    @Test
    void consumerOnEntityWithoutFeedIsRejected() {
        CamelContext context = new DefaultCamelContext();

        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri("users", "")).to("log:never");
                }
            });
            context.start();
        }).hasStackTraceContaining("a consumer (a URI without an action) exists only for [calls, call_transcripts,"
                                   + " stats_activity_scorecards]");
        context.stop();
    }

    @Test
    void consumerWithActionIsRejected() {
        CamelContext context = new DefaultCamelContext();

        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri("calls/list", "")).to("log:never");
                }
            });
            context.start();
        }).hasStackTraceContaining("a consumer URI has no action");
        context.stop();
    }

    @Test
    void consumerOnProducerOperationIsRejected() {
        CamelContext context = new DefaultCamelContext();

        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri("users/list", "")).to("log:never");
                }
            });
            context.start();
        }).hasStackTraceContaining("offers consumers only for [calls, call_transcripts, stats_activity_scorecards]");
        context.stop();
    }

    @Test
    void consumerInHostedModeIsRejected() {
        CamelContext context = new DefaultCamelContext();

        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("gong:calls?authMode=hosted&airbyteClientId=id&airbyteClientSecret=secret"
                         + "&connectorId=c1").to("log:never");
                }
            });
            context.start();
        }).hasStackTraceContaining("hosted mode (Airbyte) offers producers only");
        context.stop();
    }

    @Test
    void producerWithoutActionIsRejected() throws Exception {
        CamelContext context = startContext(uri("calls", "initialDelay=600000"), exchange -> {
        });

        assertThatThrownBy(() -> context.createProducerTemplate().sendBody(uri("calls", "initialDelay=600000"), null))
                .hasStackTraceContaining("without an action is a consumer; to send, name the action");
    }

    @Test
    void invalidLookbackIsRejected() {
        CamelContext context = new DefaultCamelContext();

        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri("calls", "lookback=6h")).to("log:never");
                }
            });
            context.start();
        }).hasStackTraceContaining("Invalid option lookback=6h");
        context.stop();
    }

    private void waitForPolls(int polls) {
        int seen = server.findAll(getRequestedFor(urlPathEqualTo("/v2/calls"))).size();
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> server.findAll(getRequestedFor(urlPathEqualTo("/v2/calls"))).size() >= seen + polls);
    }

    private static List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(String::valueOf).toList();
    }
}
