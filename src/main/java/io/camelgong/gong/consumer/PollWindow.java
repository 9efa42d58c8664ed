package io.camelgong.gong.consumer;

import java.time.Instant;

/**
 * A half-open time range of call start times, {@code [from, to)}, as Gong's fromDateTime (inclusive) and toDateTime
 * (exclusive) select them.
 *
 * @param from inclusive start
 * @param to   exclusive end
 */
public record PollWindow(Instant from, Instant to) {

    public PollWindow {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("Invalid poll window: from " + from + " is after to " + to);
        }
    }

    /**
     * Tells whether a start time lies in the window.
     */
    public boolean contains(Instant started) {
        return !started.isBefore(from) && started.isBefore(to);
    }
}
