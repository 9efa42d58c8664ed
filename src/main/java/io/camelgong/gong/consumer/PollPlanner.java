package io.camelgong.gong.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The window and de-duplication rules of the polling consumers, free of HTTP and Camel so they can be tested alone.
 * <p>
 * Gong lists a call only minutes to hours after it starts and selects calls by start time, so every poll re-reads a
 * trailing window: from {@code watermark - lookback} (never before the first poll's start, the floor) to now. The
 * watermark only moves forward, and never past the start of a call that was listed but not delivered, so such a call
 * is listed again by the next poll.
 */
public final class PollPlanner {

    /** The longest window Gong accepts in one request; longer windows are split. */
    public static final Duration MAX_WINDOW = Duration.ofDays(90);

    private static final Comparator<FeedRecord> OLDEST_FIRST = Comparator
            .comparing(FeedRecord::earliestStart)
            .thenComparing(record -> record.id().length())
            .thenComparing(FeedRecord::id);

    private final Duration lookback;

    public PollPlanner(Duration lookback) {
        if (lookback.isNegative()) {
            throw new IllegalArgumentException("Invalid lookback " + lookback + ": expected a positive duration");
        }
        this.lookback = lookback;
    }

    /**
     * Returns the start of the next poll's window: {@code watermark - lookback}, but not before the floor. Without a
     * watermark (first poll) the floor itself.
     */
    public Instant windowStart(Instant watermark, Instant floor) {
        if (watermark == null) {
            return floor;
        }
        Instant start = watermark.minus(lookback);
        return start.isBefore(floor) ? floor : start;
    }

    /**
     * Splits {@code [from, to)} into consecutive windows of at most {@link #MAX_WINDOW}; empty when from is not before
     * to.
     */
    public static List<PollWindow> split(Instant from, Instant to) {
        List<PollWindow> windows = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            Instant end = start.plus(MAX_WINDOW);
            if (end.isAfter(to)) {
                end = to;
            }
            windows.add(new PollWindow(start, end));
            start = end;
        }
        return windows;
    }

    /**
     * Selects the records to deliver: one per id, none already delivered or in flight, oldest start first (ids of
     * equal start in numeric order).
     */
    public static List<FeedRecord> select(Collection<FeedRecord> listed, Predicate<String> alreadyTaken) {
        Map<String, FeedRecord> byId = new LinkedHashMap<>();
        for (FeedRecord record : listed) {
            if (!alreadyTaken.test(record.id())) {
                byId.putIfAbsent(record.id(), record);
            }
        }
        List<FeedRecord> selected = new ArrayList<>(byId.values());
        selected.sort(OLDEST_FIRST);
        return selected;
    }

    /**
     * Computes the watermark after a poll whose window ended at {@code windowEnd}.
     *
     * @param  previous          the watermark before the poll, {@code null} on the first poll
     * @param  windowEnd         the exclusive end of the poll's window (the time the poll started)
     * @param  undeliveredStarts the earliest start of each record that was listed but is not delivered (failed, held
     *                           back, not sent because of maxMessagesPerPoll, or still in flight)
     * @return                   the new watermark: the window end, lowered to the earliest undelivered record, and
     *                           never below the previous watermark
     */
    public static Instant nextWatermark(Instant previous, Instant windowEnd, Collection<Instant> undeliveredStarts) {
        Instant next = windowEnd;
        for (Instant bound : undeliveredStarts) {
            if (bound.isBefore(next)) {
                next = bound;
            }
        }
        if (previous != null && next.isBefore(previous)) {
            return previous;
        }
        return next;
    }

    /**
     * Returns the time before which delivered ids may be forgotten: the start of the window that follows a watermark.
     * A record whose latest start is before it can no longer be listed, because the window start never moves back.
     */
    public Instant expiryHorizon(Instant watermark, Instant floor) {
        return windowStart(watermark, floor);
    }

    public Duration lookback() {
        return lookback;
    }
}
