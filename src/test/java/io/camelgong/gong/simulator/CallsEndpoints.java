package io.camelgong.gong.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Call endpoints: {@code GET /v2/calls}, {@code GET /v2/calls/{id}}, {@code POST /v2/calls/extensive} and
 * {@code POST /v2/calls/transcript}. Calls are selected by {@code metaData.started} in [fromDateTime,
 * toDateTime), compared as instants, and only while they are visible by the simulator's clock.
 */
final class CallsEndpoints {

    /** Gong's 404 text for a call query without matches, which means "no records" rather than an error. */
    static final String NO_CALLS_FOUND = "No calls found corresponding to the provided filters";

    private final GongSimulatorData data;
    private final SimulatorSettings settings;
    private final Pager pager;

    CallsEndpoints(GongSimulatorData data, SimulatorSettings settings, Pager pager) {
        this.data = data;
        this.settings = settings;
        this.pager = pager;
    }

    /**
     * {@code GET /v2/calls[?fromDateTime][&toDateTime][&workspaceId][&cursor]}: pages of {@code metaData}. Gong's
     * OpenAPI document marks both date-times required, yet its descriptions say that without them the list starts
     * with the earliest call and ends with the most recent, which is what the simulator does.
     */
    ApiResponse list(ApiRequest request) {
        OffsetDateTime from = ApiRequest.dateTime(request.query("fromDateTime"), "fromDateTime");
        OffsetDateTime to = ApiRequest.dateTime(request.query("toDateTime"), "toDateTime");
        String workspaceId = request.query("workspaceId");
        if (workspaceId != null) {
            ApiRequest.requireId(workspaceId, "workspaceId");
        }
        CallFilter filter = new CallFilter(from, to, workspaceId, List.of(), List.of());
        List<JsonNode> calls = new ArrayList<>();
        visibleCalls(filter).forEach(call -> calls.add(call.metaData()));
        return page(request, calls);
    }

    /** {@code GET /v2/calls/{id}}: the call's {@code metaData} under {@code call}. */
    ApiResponse get(String id) {
        ApiRequest.requireId(id, "Call id");
        StoredCall call = data.storedCall(id)
                .filter(stored -> stored.isVisibleAt(settings.now()))
                .orElseThrow(() -> GongApiException.notFound("Call ID was not found: " + id));
        ObjectNode body = Json.responseBody();
        body.set("call", call.metaData().deepCopy());
        return ApiResponse.ok(body);
    }

    /** {@code POST /v2/calls/extensive}: pages of records with the blocks that {@code contentSelector} selects. */
    ApiResponse extensive(ApiRequest request) {
        JsonNode filterNode = request.requiredFilter();
        CallFilter filter = CallFilter.of(filterNode, true);
        ContentSelection selection = ContentSelection.of(request.body());
        List<JsonNode> calls = new ArrayList<>();
        visibleCalls(filter).forEach(call -> calls.add(selection.project(call, settings.baseUrl())));
        return page(request, calls);
    }

    /**
     * {@code POST /v2/calls/transcript}: pages of {@code callTranscripts}. A transcript is selected through its
     * call's start and workspace whether the call is visible or not, because Gong may list a transcript before
     * it lists the call. A transcript of a call that is not in the data set matches a {@code callIds} filter
     * only.
     */
    ApiResponse transcripts(ApiRequest request) {
        CallFilter filter = CallFilter.of(request.requiredFilter(), false);
        List<JsonNode> transcripts = new ArrayList<>();
        for (ObjectNode transcript : data.transcripts()) {
            String callId = Json.text(transcript, "callId");
            boolean matches = data.storedCall(callId)
                    .map(filter::matches)
                    .orElseGet(() -> filter.matchesCallIdOnly(callId));
            if (matches) {
                transcripts.add(transcript);
            }
        }
        if (transcripts.isEmpty()) {
            throw GongApiException.notFound(NO_CALLS_FOUND);
        }
        ObjectNode body = Json.responseBody();
        pager.writePage(body, "callTranscripts", transcripts, request);
        return ApiResponse.ok(body);
    }

    private List<StoredCall> visibleCalls(CallFilter filter) {
        Instant now = settings.now();
        List<StoredCall> selected = new ArrayList<>();
        for (StoredCall call : data.calls()) {
            if (call.isVisibleAt(now) && filter.matches(call)) {
                selected.add(call);
            }
        }
        return selected;
    }

    private ApiResponse page(ApiRequest request, List<JsonNode> calls) {
        if (calls.isEmpty()) {
            throw GongApiException.notFound(NO_CALLS_FOUND);
        }
        ObjectNode body = Json.responseBody();
        pager.writePage(body, "calls", calls, request);
        return ApiResponse.ok(body);
    }

    /** Filter of the call endpoints; an empty id list or a {@code null} bound does not restrict. */
    record CallFilter(OffsetDateTime from, OffsetDateTime to, String workspaceId, List<String> callIds,
            List<String> primaryUserIds) {

        CallFilter {
            ApiRequest.requireOrdered(from, to, "fromDateTime", "toDateTime");
        }

        /** Reads {@code filter} of a POST body; {@code primaryUserIds} is read only where the endpoint has it. */
        static CallFilter of(JsonNode filter, boolean withPrimaryUsers) {
            String workspaceId = Json.text(filter, "workspaceId");
            if (workspaceId != null) {
                ApiRequest.requireId(workspaceId, "filter.workspaceId");
            }
            return new CallFilter(
                    ApiRequest.dateTime(Json.text(filter, "fromDateTime"), "filter.fromDateTime"),
                    ApiRequest.dateTime(Json.text(filter, "toDateTime"), "filter.toDateTime"),
                    workspaceId,
                    ApiRequest.ids(filter, "callIds"),
                    withPrimaryUsers ? ApiRequest.ids(filter, "primaryUserIds") : List.of());
        }

        boolean matches(StoredCall call) {
            Instant started = call.started();
            return (from == null || !started.isBefore(from.toInstant()))
                    && (to == null || started.isBefore(to.toInstant()))
                    && (workspaceId == null || workspaceId.equals(call.workspaceId()))
                    && (callIds.isEmpty() || callIds.contains(call.id()))
                    && (primaryUserIds.isEmpty() || primaryUserIds.contains(call.primaryUserId()));
        }

        /** Matches a call that is not in the data set: only a filter of call ids alone can select it. */
        boolean matchesCallIdOnly(String callId) {
            boolean onlyIds = from == null && to == null && workspaceId == null && primaryUserIds.isEmpty();
            return onlyIds && (callIds.isEmpty() || callIds.contains(callId));
        }
    }
}
