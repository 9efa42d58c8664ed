package io.camelgong.gong.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Settings, library and coaching endpoints: {@code GET /v2/settings/scorecards}, {@code GET
 * /v2/settings/trackers}, {@code GET /v2/library/folders}, {@code GET /v2/library/folder-content} and {@code GET
 * /v2/coaching}. Their records are generated, as the README beside the recorded responses describes.
 */
final class SettingsEndpoints {

    private final GongSimulatorData data;
    private final SimulatorSettings settings;
    private final Pager pager;

    SettingsEndpoints(GongSimulatorData data, SimulatorSettings settings, Pager pager) {
        this.data = data;
        this.settings = settings;
        this.pager = pager;
    }

    /** {@code GET /v2/settings/scorecards[?workspaceId]}: all scorecards, or those of one workspace. */
    ApiResponse scorecards(ApiRequest request) {
        String workspaceId = optionalWorkspace(request, "workspaceId");
        ObjectNode body = Json.responseBody();
        ArrayNode scorecards = body.putArray("scorecards");
        data.scorecards().stream()
                .filter(scorecard -> workspaceId == null || workspaceId.equals(scorecard.path("workspaceId").asText()))
                .forEach(scorecards::add);
        return ApiResponse.ok(body);
    }

    /** {@code GET /v2/settings/trackers[?workspaceId]}: keyword trackers of all workspaces, or of one. */
    ApiResponse trackers(ApiRequest request) {
        String workspaceId = optionalWorkspace(request, "workspaceId");
        ObjectNode body = Json.responseBody();
        ArrayNode trackers = body.putArray("keywordTrackers");
        data.keywordTrackers().stream()
                .filter(tracker -> workspaceId == null || workspaceId.equals(Json.text(tracker, "workspaceId")))
                .forEach(trackers::add);
        return ApiResponse.ok(body);
    }

    /** {@code GET /v2/library/folders?workspaceId}: the folders of one workspace; workspaceId is required. */
    ApiResponse folders(ApiRequest request) {
        String workspaceId = existingWorkspace(request.requiredQuery("workspaceId"), "workspaceId");
        ObjectNode body = Json.responseBody();
        ArrayNode folders = body.putArray("folders");
        data.folders().stream()
                .filter(folder -> workspaceId.equals(folder.workspaceId()))
                .forEach(folder -> folders.add(folder.folder()));
        return ApiResponse.ok(body);
    }

    /**
     * {@code GET /v2/library/folder-content?folderId[&cursor]}: the folder's fields and its calls. The calls are
     * paged like other lists.
     */
    // NOTE: Gong's OpenAPI document shows neither records nor a cursor for this endpoint. The simulator pages
    // it anyway, because the component reads this entity with a query cursor.
    ApiResponse folderContent(ApiRequest request) {
        String folderId = ApiRequest.requireId(request.requiredQuery("folderId"), "folderId");
        GongSimulatorData.LibraryFolder folder = data.folder(folderId)
                .orElseThrow(() -> GongApiException.notFound("Folder ID was not found: " + folderId));
        ObjectNode body = Json.responseBody();
        for (String field : List.of("id", "name", "createdBy", "updated")) {
            body.set(field, folder.folder().path(field));
        }
        pager.writePage(body, "calls", new ArrayList<JsonNode>(folder.calls()), request);
        return ApiResponse.ok(body);
    }

    /**
     * {@code GET /v2/coaching?workspace-id&manager-id&from&to}, all required: the manager and, for every direct
     * report (a user whose {@code managerId} is the manager), metrics that list call ids. The metrics are
     * computed from the calls the report hosted in [from, to) in the workspace.
     */
    // NOTE: Gong documents the metrics only as a map from metric name to call ids. The names used here
    // (callsAttended, callsListenedTo, callsGaveFeedback, callsScorecardsFilled) are the simulator's choice.
    ApiResponse coaching(ApiRequest request) {
        String workspaceId = existingWorkspace(request.requiredQuery("workspace-id"), "workspace-id");
        String managerId = ApiRequest.requireId(request.requiredQuery("manager-id"), "manager-id");
        OffsetDateTime from = ApiRequest.dateTime(request.requiredQuery("from"), "from");
        OffsetDateTime to = ApiRequest.dateTime(request.requiredQuery("to"), "to");
        ApiRequest.requireOrdered(from, to, "from", "to");
        ObjectNode manager = data.user(managerId)
                .orElseThrow(() -> GongApiException.notFound("Manager ID was not found: " + managerId));

        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.set("manager", coachingUser(manager));
        ArrayNode reports = entry.putArray("directReportsMetrics");
        Set<String> scoredByManager = callsScoredBy(managerId);
        for (ObjectNode user : data.users()) {
            if (managerId.equals(Json.text(user, "managerId"))) {
                List<String> hosted = hostedCalls(Json.text(user, "id"), workspaceId, from, to);
                ObjectNode report = reports.addObject();
                report.set("report", coachingUser(user));
                report.set("metrics", metrics(hosted, scoredByManager));
            }
        }
        ObjectNode body = Json.responseBody();
        body.putArray("coachingData").add(entry);
        return ApiResponse.ok(body);
    }

    private static ObjectNode coachingUser(ObjectNode user) {
        ObjectNode coachingUser = Json.MAPPER.createObjectNode();
        for (String field : List.of("id", "emailAddress", "firstName", "lastName", "title")) {
            coachingUser.set(field, user.path(field).deepCopy());
        }
        return coachingUser;
    }

    private List<String> hostedCalls(String userId, String workspaceId, OffsetDateTime from, OffsetDateTime to) {
        Instant now = settings.now();
        return data.calls().stream()
                .filter(call -> call.isVisibleAt(now))
                .filter(call -> userId.equals(call.primaryUserId()) && workspaceId.equals(call.workspaceId()))
                .filter(call -> !call.started().isBefore(from.toInstant()) && call.started().isBefore(to.toInstant()))
                .map(StoredCall::id)
                .toList();
    }

    private Set<String> callsScoredBy(String reviewerId) {
        return data.answeredScorecards().stream()
                .filter(answered -> reviewerId.equals(answered.path("reviewerUserId").asText()))
                .map(answered -> answered.path("callId").asText())
                .collect(Collectors.toSet());
    }

    /** Derives the metrics deterministically from the report's calls, so that repeated requests agree. */
    private static ObjectNode metrics(List<String> hosted, Set<String> scoredByManager) {
        Map<String, List<String>> metrics = new LinkedHashMap<>();
        metrics.put("callsAttended", everyNth(hosted, 5));
        metrics.put("callsListenedTo", everyNth(hosted, 2));
        metrics.put("callsGaveFeedback", everyNth(hosted, 4));
        metrics.put("callsScorecardsFilled", hosted.stream().filter(scoredByManager::contains).toList());
        ObjectNode node = Json.MAPPER.createObjectNode();
        metrics.forEach((name, ids) -> node.set(name, Json.strings(ids)));
        return node;
    }

    private static List<String> everyNth(List<String> ids, int n) {
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += n) {
            selected.add(ids.get(i));
        }
        return selected;
    }

    private String optionalWorkspace(ApiRequest request, String name) {
        String workspaceId = request.query(name);
        return workspaceId == null ? null : existingWorkspace(workspaceId, name);
    }

    private String existingWorkspace(String workspaceId, String name) {
        ApiRequest.requireId(workspaceId, name);
        if (!data.hasWorkspace(workspaceId)) {
            throw GongApiException.notFound("Workspace not found: " + workspaceId);
        }
        return workspaceId;
    }
}
