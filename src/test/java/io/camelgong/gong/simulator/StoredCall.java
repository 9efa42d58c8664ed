package io.camelgong.gong.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call of the data set: a record in the shape of a {@code /v2/calls/extensive} item ({@code metaData} plus
 * the optional blocks) and the moment from which the API lists it.
 */
final class StoredCall {

    private final String id;
    private final Instant started;
    private final ObjectNode record;
    private volatile Instant visibleFrom;

    StoredCall(ObjectNode record, Instant visibleFrom) {
        JsonNode metaData = record.path("metaData");
        String callId = Json.text(metaData, "id");
        String startedText = Json.text(metaData, "started");
        if (callId == null || startedText == null) {
            throw new IllegalArgumentException("A call record needs metaData.id and metaData.started: " + record);
        }
        this.id = ApiRequest.requireId(callId, "metaData.id");
        this.started = OffsetDateTime.parse(startedText).toInstant();
        this.record = record;
        this.visibleFrom = visibleFrom;
    }

    String id() {
        return id;
    }

    Instant started() {
        return started;
    }

    /** Returns the stored record. Callers must not change it, because other requests read it concurrently. */
    ObjectNode record() {
        return record;
    }

    JsonNode metaData() {
        return record.path("metaData");
    }

    String workspaceId() {
        return Json.text(metaData(), "workspaceId");
    }

    String primaryUserId() {
        return Json.text(metaData(), "primaryUserId");
    }

    boolean isVisibleAt(Instant now) {
        Instant from = visibleFrom;
        return from == null || !now.isBefore(from);
    }

    void visibleFrom(Instant from) {
        this.visibleFrom = from;
    }
}
