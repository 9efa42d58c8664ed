package io.camelgong.gong.client;

import java.time.Duration;

/**
 * The time by which one Gong request, its retries and waits included, must be done, set by the requestTimeout option.
 * Waits check it before they start, so nothing has to interrupt the calling thread.
 */
public final class RequestDeadline {

    /** The maximum timeout a long can hold in nanoseconds, about 292 years. A longer one sets no limit. */
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    /** A deadline that never passes, for requestTimeout=0. */
    public static final RequestDeadline NONE = new RequestDeadline(0L, false);

    private final long endNanos;
    private final boolean bounded;

    private RequestDeadline(long endNanos, boolean bounded) {
        this.endNanos = endNanos;
        this.bounded = bounded;
    }

    /**
     * Returns the deadline a timeout from now, or {@link #NONE} for a zero timeout or one too long to count in
     * nanoseconds.
     */
    public static RequestDeadline after(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(LONGEST) > 0) {
            return NONE;
        }
        return new RequestDeadline(System.nanoTime() + timeout.toNanos(), true);
    }

    public boolean isBounded() {
        return bounded;
    }

    /**
     * Returns the nanoseconds left, 0 or less once the deadline has passed, or {@link Long#MAX_VALUE} without one.
     */
    public long remainingNanos() {
        return bounded ? endNanos - System.nanoTime() : Long.MAX_VALUE;
    }

    /**
     * Signals that a request reached its deadline before an attempt, or that a wait would end after it. The retry
     * policy turns it into the {@code GongApiException} the caller receives, so it carries no stack trace.
     */
    static final class Exceeded extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Exceeded(String reason) {
            super(reason, null, false, false);
        }
    }
}
