package io.camelgong.gong.consumer;

import java.time.Instant;
import java.util.Map;

/**
 * One record a consumer may deliver: a call, a transcript or an answered scorecard, with bounds of the start time of
 * the call it belongs to. For a call both bounds are its start; a transcript does not carry the start, so its bounds
 * are those of the window that listed it.
 *
 * @param id            the id that de-duplicates deliveries, e.g. the call id
 * @param earliestStart the earliest the call can have started; the watermark never passes it while the record is
 *                      undelivered
 * @param latestStart   the latest the call can have started; once the poll window starts after it, the record can no
 *                      longer be listed and its id may be forgotten
 * @param data          the record as Gong returned it
 */
public record FeedRecord(String id, Instant earliestStart, Instant latestStart, Map<String, Object> data) {

    /**
     * Creates a record whose start is known exactly.
     */
    public static FeedRecord started(String id, Instant started, Map<String, Object> data) {
        return new FeedRecord(id, started, started, data);
    }
}
