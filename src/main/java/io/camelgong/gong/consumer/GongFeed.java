package io.camelgong.gong.consumer;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;

/**
 * An entity whose new records a consumer can poll for: which list operation reads a time window, how the window is
 * passed, and how a record's id and start time are read. Only entities whose records are selected by the start time
 * of a call, and that carry a stable id, qualify.
 */
public enum GongFeed {

    /** New calls, by call id, with their exact start time. */
    CALLS("calls", "id", "started", false, Set.of("workspaceId")),

    /** New transcripts, one per call id. Transcripts carry no start time, so the listing window bounds it. */
    CALL_TRANSCRIPTS("call_transcripts", "callId", null, true, Set.of("workspaceId")),

    /**
     * New answered scorecards, by answeredScorecardId. The window that listed a scorecard bounds its start for the
     * watermark, because Gong does not document which time the fromDateTime filter of this operation selects by.
     */
    STATS_ACTIVITY_SCORECARDS("stats_activity_scorecards", "answeredScorecardId", null, true, Set.of("userIds"));

    private final String entity;
    private final String idField;
    private final String startedField;
    private final boolean windowInFilter;
    private final Set<String> endpointOptions;

    GongFeed(String entity, String idField, String startedField, boolean windowInFilter, Set<String> endpointOptions) {
        this.entity = entity;
        this.idField = idField;
        this.startedField = startedField;
        this.windowInFilter = windowInFilter;
        this.endpointOptions = endpointOptions;
    }

    /**
     * Finds the feed of an entity.
     *
     * @return the feed, or {@code null} when the entity has no consumer
     */
    public static GongFeed of(String entity) {
        for (GongFeed feed : values()) {
            if (feed.entity.equals(entity)) {
                return feed;
            }
        }
        return null;
    }

    /**
     * Returns the entities that offer a consumer, for error messages.
     */
    public static List<String> entities() {
        return Arrays.stream(values()).map(GongFeed::entity).toList();
    }

    public String entity() {
        return entity;
    }

    /**
     * Returns the list operation the feed polls.
     */
    public GongOperation operation() {
        return GongCatalog.operation(entity, "list");
    }

    /**
     * Returns the endpoint options, by name, that a consumer of this feed passes on to every request.
     */
    public Set<String> endpointOptions() {
        return endpointOptions;
    }

    /**
     * Returns the request parameters that select a window, nested as the catalog names them.
     */
    public Map<String, Object> windowParams(PollWindow window) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("fromDateTime", window.from().toString());
        range.put("toDateTime", window.to().toString());
        if (!windowInFilter) {
            return range;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filter", range);
        return params;
    }

    /**
     * Reads a record of a window.
     *
     * @throws IllegalArgumentException when the record has no id, or a start time that is not ISO-8601
     */
    public FeedRecord toRecord(Map<String, Object> data, PollWindow window) {
        Object id = data.get(idField);
        if (id == null || id.toString().isBlank()) {
            throw new IllegalArgumentException(
                    "Gong " + entity + " record without '" + idField + "': " + data.keySet());
        }
        if (startedField == null) {
            return new FeedRecord(id.toString(), window.from(), window.to(), data);
        }
        Object started = data.get(startedField);
        if (started == null) {
            throw new IllegalArgumentException(
                    "Gong " + entity + " record " + id + " without '" + startedField + "'");
        }
        try {
            return FeedRecord.started(id.toString(), OffsetDateTime.parse(started.toString()).toInstant(), data);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Gong " + entity + " record " + id + " has an invalid '" + startedField + "': " + started, e);
        }
    }

    /**
     * Returns the time this record's call started as Gong wrote it, with its offset, or {@code null}.
     */
    public OffsetDateTime callStarted(Map<String, Object> data) {
        Object value = data.get(this == CALLS ? "started" : "callStartTime");
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Returns the call id of a record.
     */
    public String callId(Map<String, Object> data) {
        Object value = data.get(this == CALLS ? "id" : "callId");
        return value == null ? null : value.toString();
    }
}
