package io.camelgong.gong.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.camelgong.gong.catalog.ParamLocation.BODY;
import static io.camelgong.gong.catalog.ParamLocation.LOCAL;
import static io.camelgong.gong.catalog.ParamLocation.PATH;
import static io.camelgong.gong.catalog.ParamLocation.QUERY;
import static io.camelgong.gong.catalog.ParamType.BOOLEAN;
import static io.camelgong.gong.catalog.ParamType.BYTE_RANGE;
import static io.camelgong.gong.catalog.ParamType.DATE;
import static io.camelgong.gong.catalog.ParamType.DATE_TIME;
import static io.camelgong.gong.catalog.ParamType.ENUM;
import static io.camelgong.gong.catalog.ParamType.ENUM_LIST;
import static io.camelgong.gong.catalog.ParamType.FIELD_PATHS;
import static io.camelgong.gong.catalog.ParamType.ID;
import static io.camelgong.gong.catalog.ParamType.ID_LIST;
import static io.camelgong.gong.catalog.ParamType.OBJECT;
import static io.camelgong.gong.catalog.ParamType.POSITIVE_INTEGER;
import static io.camelgong.gong.catalog.ParamType.STRING;

/**
 * The table of every Gong entity and action the component offers. Entity, action and parameter names are those of
 * Airbyte's Gong agent connector, so a call {@code execute(entity, action, params)} there maps one to one onto
 * {@code gong:entity/action} here.
 */
public final class GongCatalog {

    private static final String CONTENT_SELECTOR = "contentSelector.exposedFields.";
    private static final List<String> CONTENT_FIELDS = List.of(
            "structure", "topics", "trackers", "trackerOccurrences", "pointsOfInterest", "brief", "outline",
            "highlights", "callOutcome", "keyPoints");
    private static final List<String> INTERACTION_FIELDS = List.of(
            "speakers", "video", "personInteractionStats", "questions");

    /** The action that searches Airbyte's stored copy of an entity, available only in hosted mode. */
    public static final String CONTEXT_STORE_SEARCH = "context_store_search";

    private static final Map<String, GongOperation> OPERATIONS = new LinkedHashMap<>();

    static {
        add(GongOperation.builder("users", "list")
                .get("/v2/users").records("users").paging(Paging.QUERY_CURSOR).scope("api:users:read")
                .param("includeAvatars", BOOLEAN, QUERY, false, "includeAvatars"));
        add(GongOperation.builder("users", "get")
                .kind(OperationKind.GET).get("/v2/users/{id}").records("user").scope("api:users:read")
                .param("id", ID, PATH, true, "id"));

        add(GongOperation.builder("calls", "list")
                .get("/v2/calls").records("calls").paging(Paging.QUERY_CURSOR).emptyOnNotFound()
                .scope("api:calls:read:basic")
                .param("fromDateTime", DATE_TIME, QUERY, false, "fromDateTime")
                .param("toDateTime", DATE_TIME, QUERY, false, "toDateTime")
                .param("workspaceId", ID, QUERY, false, "workspaceId")
                .range("fromDateTime", "toDateTime", false));
        add(GongOperation.builder("calls", "get")
                .kind(OperationKind.GET).get("/v2/calls/{id}").records("call").scope("api:calls:read:basic")
                .param("id", ID, PATH, true, "id"));

        add(contentSelector(callsFilter(GongOperation.builder("calls_extensive", "list")
                .post("/v2/calls/extensive").records("calls").paging(Paging.BODY_CURSOR).emptyOnNotFound()
                .scope("api:calls:read:extensive"))
                .param("filter.primaryUserIds", ID_LIST, BODY, false, "primaryUserIds")));

        add(download("call_audio", "audioUrl"));
        add(download("call_video", "videoUrl"));

        add(GongOperation.builder("workspaces", "list")
                .get("/v2/workspaces").records("workspaces").scope("api:workspaces:read"));

        add(callsFilter(GongOperation.builder("call_transcripts", "list")
                .post("/v2/calls/transcript").records("callTranscripts").paging(Paging.BODY_CURSOR)
                .emptyOnNotFound().scope("api:calls:read:transcript")));

        add(statsByDate("stats_activity_aggregate", "/v2/stats/activity/aggregate",
                "usersAggregateActivityStats", "api:stats:user-actions"));
        add(statsByDate("stats_activity_day_by_day", "/v2/stats/activity/day-by-day",
                "usersDetailedActivities", "api:stats:user-actions:detailed"));
        add(statsByDate("stats_interaction", "/v2/stats/interaction",
                "peopleInteractionStats", "api:stats:interaction"));

        add(GongOperation.builder("settings_scorecards", "list")
                .get("/v2/settings/scorecards").records("scorecards").scope("api:settings:scorecards:read")
                .param("workspaceId", ID, QUERY, false, "workspaceId"));
        add(GongOperation.builder("settings_trackers", "list")
                .get("/v2/settings/trackers").records("keywordTrackers").scope("api:settings:trackers:read")
                .param("workspaceId", ID, QUERY, false, "workspaceId"));

        add(GongOperation.builder("library_folders", "list")
                .get("/v2/library/folders").records("folders").scope("api:library:read")
                .param("workspaceId", ID, QUERY, true, "workspaceId"));
        add(GongOperation.builder("library_folder_content", "list")
                .get("/v2/library/folder-content").records("calls").paging(Paging.QUERY_CURSOR)
                .scope("api:library:read")
                .param("folderId", ID, QUERY, true, "folderId"));

        add(GongOperation.builder("coaching", "list")
                .get("/v2/coaching").records("coachingData").scope("api:coaching:read")
                .param("workspace-id", ID, QUERY, true, "workspaceId")
                .param("manager-id", ID, QUERY, true, "managerId")
                .param("from", DATE_TIME, QUERY, true, "fromDateTime")
                .param("to", DATE_TIME, QUERY, true, "toDateTime")
                .range("from", "to", false));

        add(GongOperation.builder("stats_activity_scorecards", "list")
                .post("/v2/stats/activity/scorecards").records("answeredScorecards").paging(Paging.BODY_CURSOR)
                .scope("api:stats:scorecards")
                .param("filter.fromDateTime", DATE_TIME, BODY, true, "fromDateTime")
                .param("filter.toDateTime", DATE_TIME, BODY, true, "toDateTime")
                .param("filter.scorecardIds", ID_LIST, BODY, false, null)
                .param("filter.reviewedUserIds", ID_LIST, BODY, false, "userIds")
                .param("filter.reviewerUserIds", ID_LIST, BODY, false, null)
                .param("filter.callIds", ID_LIST, BODY, false, "callIds")
                .range("filter.fromDateTime", "filter.toDateTime", false));

        for (String entity : List.of(
                "users", "calls", "calls_extensive", "settings_scorecards", "stats_activity_scorecards")) {
            add(contextStoreSearch(entity));
        }
    }

    private GongCatalog() {
    }

    /**
     * Finds an operation by entity and action.
     *
     * @throws IllegalArgumentException naming the valid entities, or the valid actions of the entity
     */
    public static GongOperation operation(String entity, String action) {
        if (entity == null || entity.isBlank()) {
            throw new IllegalArgumentException(
                    "Missing Gong entity: expected one of " + entities() + ", as in gong:calls/list");
        }
        Set<String> actions = actions(entity);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException(
                    "Unknown Gong entity '" + entity + "': expected one of " + entities());
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException(
                    "Missing action for Gong entity '" + entity + "': expected one of " + actions + ", as in gong:"
                                               + entity + "/" + exampleAction(entity));
        }
        GongOperation operation = OPERATIONS.get(entity + "/" + action);
        if (operation == null) {
            Set<String> direct = new TreeSet<>();
            Set<String> hostedOnly = new TreeSet<>();
            for (String name : actions) {
                (OPERATIONS.get(entity + "/" + name).hostedOnly() ? hostedOnly : direct).add(name);
            }
            String hostedNote = hostedOnly.isEmpty() ? "" : " (in hosted mode also " + hostedOnly + ")";
            throw new IllegalArgumentException(
                    "Unknown action '" + action + "' for Gong entity '" + entity + "': expected one of " + direct
                                               + hostedNote + ", as in gong:" + entity + "/"
                                               + exampleAction(entity));
        }
        return operation;
    }

    /**
     * Returns the action to show in an example URI of an entity: list where the entity has it, else its first
     * action that does not need hosted mode.
     */
    public static String exampleAction(String entity) {
        if (OPERATIONS.containsKey(entity + "/list")) {
            return "list";
        }
        return actions(entity).stream()
                .filter(action -> !OPERATIONS.get(entity + "/" + action).hostedOnly())
                .findFirst().orElse("list");
    }

    /**
     * Returns every operation in catalog order.
     */
    public static Collection<GongOperation> operations() {
        return OPERATIONS.values();
    }

    /**
     * Returns the entity names, sorted.
     */
    public static Set<String> entities() {
        Set<String> names = new TreeSet<>();
        OPERATIONS.values().forEach(operation -> names.add(operation.entity()));
        return names;
    }

    /**
     * Returns the actions an entity offers, sorted; empty for an unknown entity.
     */
    public static Set<String> actions(String entity) {
        Set<String> names = new TreeSet<>();
        OPERATIONS.values().stream()
                .filter(operation -> operation.entity().equals(entity))
                .forEach(operation -> names.add(operation.action()));
        return names;
    }

    private static void add(GongOperation.Builder builder) {
        GongOperation operation = builder.build();
        OPERATIONS.put(operation.name(), operation);
    }

    private static GongOperation.Builder callsFilter(GongOperation.Builder builder) {
        return builder
                .param("filter.fromDateTime", DATE_TIME, BODY, false, "fromDateTime")
                .param("filter.toDateTime", DATE_TIME, BODY, false, "toDateTime")
                .param("filter.workspaceId", ID, BODY, false, "workspaceId")
                .param("filter.callIds", ID_LIST, BODY, false, "callIds")
                .range("filter.fromDateTime", "filter.toDateTime", false);
    }

    private static GongOperation.Builder contentSelector(GongOperation.Builder builder) {
        builder.param("contentSelector.context", ENUM, BODY, false, null, List.of("None", "Basic", "Extended"))
                .param("contentSelector.contextTiming", ENUM_LIST, BODY, false, null, List.of("Now", "TimeOfCall"))
                .param(CONTENT_SELECTOR + "parties", BOOLEAN, BODY, false, null)
                .param(CONTENT_SELECTOR + "media", BOOLEAN, BODY, false, null)
                .param(CONTENT_SELECTOR + "collaboration.publicComments", BOOLEAN, BODY, false, null);
        CONTENT_FIELDS.forEach(field -> builder.param(CONTENT_SELECTOR + "content." + field, BOOLEAN, BODY, false, null));
        INTERACTION_FIELDS.forEach(
                field -> builder.param(CONTENT_SELECTOR + "interaction." + field, BOOLEAN, BODY, false, null));
        return builder;
    }

    private static GongOperation.Builder statsByDate(String entity, String path, String records, String scope) {
        return GongOperation.builder(entity, "list")
                .post(path).records(records).paging(Paging.BODY_CURSOR).scope(scope)
                .param("filter.fromDate", DATE, BODY, true, "fromDate")
                .param("filter.toDate", DATE, BODY, true, "toDate")
                .param("filter.userIds", ID_LIST, BODY, false, "userIds")
                .range("filter.fromDate", "filter.toDate", true);
    }

    private static GongOperation.Builder contextStoreSearch(String entity) {
        // Searches the copy of the entity's records that Airbyte keeps; there is no Gong request behind it, so the
        // operation has no path and runs only in hosted mode. Answers are {data: [...], meta: {has_more, cursor}}.
        return GongOperation.builder(entity, CONTEXT_STORE_SEARCH)
                .hostedOnly().post(null).records("data").paging(Paging.BODY_CURSOR)
                .param("query", OBJECT, BODY, false, "searchQuery")
                .param("limit", POSITIVE_INTEGER, BODY, false, "searchLimit")
                .param("fields", FIELD_PATHS, BODY, false, "searchFields");
    }

    private static GongOperation.Builder download(String entity, String mediaUrlField) {
        // The media URL comes from calls/extensive; only the call id and the Range header are the caller's.
        return GongOperation.builder(entity, "download")
                .kind(OperationKind.DOWNLOAD).post("/v2/calls/extensive").records("calls")
                .scope("api:calls:read:media-url").mediaUrl(mediaUrlField)
                .param("id", ID, LOCAL, false, "id")
                .param("filter.callIds", ID_LIST, BODY, false, null)
                .param(CONTENT_SELECTOR + "media", BOOLEAN, BODY, false, null)
                .param("range_header", BYTE_RANGE, LOCAL, false, "range");
    }
}
