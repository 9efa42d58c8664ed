package io.camelgong.gong.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongValidationException;
import io.camelgong.gong.catalog.GongRequest;
import io.camelgong.gong.client.GongPage;
import io.camelgong.gong.client.PageFetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallEnricherTest {

    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    private final List<GongRequest> requests = new ArrayList<>();

    @Test
    void contentSelectorNestsExposedFields() {
        Map<String, Object> selector = CallEnricher.contentSelector("parties, content.topics,interaction.speakers");

        assertThat(selector).isEqualTo(Map.of("exposedFields", Map.of(
                "parties", true,
                "content", Map.of("topics", true),
                "interaction", Map.of("speakers", true))));
    }

    @Test
    void contentSelectorRejectsUnknownField() {
        assertThatThrownBy(() -> CallEnricher.contentSelector("parties,content.gossip"))
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining("Invalid option contentSelector='parties,content.gossip'")
                .hasMessageContaining("contentSelector.exposedFields.content.gossip");
    }

    @Test
    void transcriptWaitsThenGoesMissing() {
        PageFetcher fetcher = request -> {
            requests.add(request);
            return GongPage.empty("none");
        };
        CallEnricher enricher = new CallEnricher(fetcher, false, true, Map.of(), 2);
        List<FeedRecord> calls = List.of(FeedRecord.started("7", T0, Map.of("id", "7")));

        CallEnricher.Result first = enricher.enrich(calls);
        CallEnricher.Result second = enricher.enrich(calls);

        assertThat(first.ready()).isEmpty();
        assertThat(first.heldBack()).extracting(FeedRecord::id).containsExactly("7");
        assertThat(second.heldBack()).isEmpty();
        assertThat(second.ready()).singleElement().satisfies(delivery -> {
            assertThat(delivery.transcriptMissing()).isTrue();
            assertThat(delivery.body()).doesNotContainKey(CallEnricher.TRANSCRIPT_KEY);
        });
        assertThat(requests).hasSize(2);
    }

    @Test
    void emptyTranscriptCountsAsPresent() {
        PageFetcher fetcher = request -> new GongPage(
                List.of(Map.of("callId", "7", "transcript", List.of())), null, "r1", 1L);
        CallEnricher enricher = new CallEnricher(fetcher, false, true, Map.of(), 5);

        CallEnricher.Result result = enricher.enrich(List.of(FeedRecord.started("7", T0, Map.of("id", "7"))));

        assertThat(result.ready()).singleElement().satisfies(delivery -> {
            assertThat(delivery.transcriptMissing()).isFalse();
            assertThat(delivery.body()).containsEntry(CallEnricher.TRANSCRIPT_KEY, List.of());
        });
    }

    @Test
    void extensiveRequestCarriesSelectorAndCallIds() {
        PageFetcher fetcher = request -> {
            requests.add(request);
            return new GongPage(List.of(Map.of("metaData", Map.of("id", "7"), "parties", List.of())), null, "r1", 1L);
        };
        Map<String, Object> selector = CallEnricher.contentSelector("parties");
        CallEnricher enricher = new CallEnricher(fetcher, true, false, selector, 5);

        CallEnricher.Result result = enricher.enrich(List.of(FeedRecord.started("7", T0, Map.of("id", "7"))));

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v2/calls/extensive");
            assertThat(request.body()).containsEntry("filter", Map.of("callIds", List.of("7")));
            assertThat(request.body()).containsEntry("contentSelector", selector);
        });
        assertThat(result.ready().get(0).body()).containsKey(CallEnricher.EXTENSIVE_KEY);
    }
}
