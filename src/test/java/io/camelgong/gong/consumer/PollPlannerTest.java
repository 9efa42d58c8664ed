package io.camelgong.gong.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollPlannerTest {

    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    private final PollPlanner planner = new PollPlanner(Duration.ofHours(6));

    @Test
    void firstWindowStartsAtFloor() {
        Instant floor = T0.minus(Duration.ofDays(1));

        assertThat(planner.windowStart(null, floor)).isEqualTo(floor);
    }

    @Test
    void windowStartsLookbackBeforeWatermark() {
        Instant floor = T0.minus(Duration.ofDays(1));

        assertThat(planner.windowStart(T0, floor)).isEqualTo(T0.minus(Duration.ofHours(6)));
    }

    @Test
    void windowNeverStartsBeforeFloor() {
        Instant floor = T0.minus(Duration.ofHours(1));

        assertThat(planner.windowStart(T0, floor)).isEqualTo(floor);
    }

    @Test
    void windowIncludesStartExcludesEnd() {
        PollWindow window = new PollWindow(T0, T0.plusSeconds(60));

        assertThat(window.contains(T0)).isTrue();
        assertThat(window.contains(T0.minusNanos(1000))).isFalse();
        assertThat(window.contains(T0.plusSeconds(60))).isFalse();
        assertThat(window.contains(T0.plusSeconds(60).minusNanos(1000))).isTrue();
    }

    @Test
    void splitKeepsWindowsWithinNinetyDays() {
        Instant from = T0.minus(Duration.ofDays(200));

        List<PollWindow> windows = PollPlanner.split(from, T0);

        assertThat(windows).hasSize(3);
        assertThat(windows.get(0)).isEqualTo(new PollWindow(from, from.plus(Duration.ofDays(90))));
        assertThat(windows.get(1).from()).isEqualTo(windows.get(0).to());
        assertThat(windows.get(2)).isEqualTo(new PollWindow(from.plus(Duration.ofDays(180)), T0));
    }

    @Test
    void splitOfExactlyNinetyDaysIsOneWindow() {
        assertThat(PollPlanner.split(T0.minus(Duration.ofDays(90)), T0)).hasSize(1);
    }

    @Test
    void splitOfEmptyRangeIsEmpty() {
        assertThat(PollPlanner.split(T0, T0)).isEmpty();
    }

    @Test
    void selectSkipsTakenIdsAndDuplicates() {
        FeedRecord a = call("11", "2026-12-04T10:00:00Z");
        FeedRecord b = call("22", "2026-12-04T09:00:00Z");
        FeedRecord aAgain = call("11", "2026-12-04T10:00:00Z");

        List<FeedRecord> selected = PollPlanner.select(List.of(a, b, aAgain), Set.of("22")::contains);

        assertThat(selected).extracting(FeedRecord::id).containsExactly("11");
    }

    @Test
    void selectOrdersOldestFirstAcrossOffsets() {
        // 10:00+03:00 is 07:00Z, so it comes before 08:30Z although its local time is later
        FeedRecord later = call("1", "2026-12-04T08:30:00Z");
        FeedRecord earlier = call("2", "2026-12-04T10:00:00+03:00");
        FeedRecord micro = call("3", "2026-12-04T06:59:59.999999-00:00");

        List<FeedRecord> selected = PollPlanner.select(List.of(later, earlier, micro), id -> false);

        assertThat(selected).extracting(FeedRecord::id).containsExactly("3", "2", "1");
    }

    @Test
    void selectOrdersEqualStartsByNumericId() {
        FeedRecord big = call("10000000000000000000", "2026-12-04T08:00:00Z");
        FeedRecord small = call("9", "2026-12-04T08:00:00Z");

        assertThat(PollPlanner.select(List.of(big, small), id -> false))
                .extracting(FeedRecord::id).containsExactly("9", "10000000000000000000");
    }

    @Test
    void watermarkMovesToWindowEndWhenAllDelivered() {
        assertThat(PollPlanner.nextWatermark(T0.minusSeconds(300), T0, List.of())).isEqualTo(T0);
    }

    @Test
    void watermarkStopsAtEarliestUndelivered() {
        Instant failed = T0.minusSeconds(100);
        Instant heldBack = T0.minusSeconds(50);

        assertThat(PollPlanner.nextWatermark(T0.minusSeconds(300), T0, List.of(heldBack, failed))).isEqualTo(failed);
    }

    @Test
    void watermarkNeverMovesBack() {
        Instant previous = T0.minusSeconds(10);

        assertThat(PollPlanner.nextWatermark(previous, T0, List.of(T0.minusSeconds(3600)))).isEqualTo(previous);
    }

    @Test
    void firstWatermarkStopsAtUndelivered() {
        Instant failed = T0.minusSeconds(100);

        assertThat(PollPlanner.nextWatermark(null, T0, List.of(failed))).isEqualTo(failed);
    }

    @Test
    void undeliveredCallStaysInNextWindow() {
        // A call found late, inside the trailing window, fails: the next window must still contain it.
        Instant watermark = T0;
        Instant lateCall = T0.minus(Duration.ofHours(5));
        Instant next = PollPlanner.nextWatermark(watermark, T0.plusSeconds(300), List.of(lateCall));

        Instant nextStart = planner.windowStart(next, T0.minus(Duration.ofDays(1)));

        assertThat(nextStart).isBeforeOrEqualTo(lateCall);
    }

    @Test
    void expiryHorizonIsNextWindowStart() {
        Instant floor = T0.minus(Duration.ofDays(1));

        assertThat(planner.expiryHorizon(T0, floor)).isEqualTo(planner.windowStart(T0, floor));
    }

    @Test
    void negativeLookbackIsRejected() {
        assertThatThrownBy(() -> new PollPlanner(Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lookback");
    }

    @Test
    void callFeedReadsIdAndStartWithOffset() {
        PollWindow window = new PollWindow(T0.minus(Duration.ofDays(1)), T0);
        Map<String, Object> data = Map.of("id", "5198900831628433849", "started", "2026-12-04T14:37:55.717888+03:00");

        FeedRecord record = GongFeed.CALLS.toRecord(data, window);

        assertThat(record.id()).isEqualTo("5198900831628433849");
        assertThat(record.earliestStart()).isEqualTo(OffsetDateTime.parse("2026-12-04T11:37:55.717888Z").toInstant());
        assertThat(record.latestStart()).isEqualTo(record.earliestStart());
    }

    @Test
    void transcriptFeedBoundsStartByWindow() {
        PollWindow window = new PollWindow(T0.minus(Duration.ofDays(1)), T0);

        FeedRecord record = GongFeed.CALL_TRANSCRIPTS.toRecord(Map.of("callId", "42", "transcript", List.of()), window);

        assertThat(record.id()).isEqualTo("42");
        assertThat(record.earliestStart()).isEqualTo(window.from());
        assertThat(record.latestStart()).isEqualTo(window.to());
    }

    @Test
    void recordWithoutIdIsRejected() {
        PollWindow window = new PollWindow(T0.minusSeconds(1), T0);

        assertThatThrownBy(() -> GongFeed.CALLS.toRecord(Map.of("started", "2026-12-04T10:00:00Z"), window))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'id'");
    }

    private static FeedRecord call(String id, String started) {
        return FeedRecord.started(id, OffsetDateTime.parse(started).toInstant(), Map.of("id", id, "started", started));
    }
}
