package io.camelgong.gong.simulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.camelgong.gong.simulator.CallsListTest.okJson;
import static io.camelgong.gong.simulator.CallsListTest.recorded;
import static org.assertj.core.api.Assertions.assertThat;

class UsersStatsAndSettingsTest {

    private static final String SALES_WORKSPACE = "2285107991472778056";
    private static final String STATS_FILTER = "{\"filter\":{\"fromDate\":\"2024-11-01\",\"toDate\":\"2024-12-02\"}}";

    private static GongSimulator simulator;
    private static SimulatorClient client;

    @BeforeAll
    static void startSimulator() {
        simulator = GongSimulator.start();
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void usersListStartsWithRecordedUsers() throws IOException {
        JsonNode recordedUsers = recorded("users_list.json").path("response").path("users");

        JsonNode page = okJson(client.get("/v2/users"));

        assertThat(page.path("records").path("totalRecords").asInt()).isEqualTo(simulator.data().userCount());
        assertThat(page.path("records").has("cursor")).isFalse();
        for (int i = 0; i < recordedUsers.size(); i++) {
            assertThat(page.path("users").get(i)).isEqualTo(recordedUsers.get(i));
        }
    }

    @Test
    void usersGetReturnsRecordedUser() throws IOException {
        JsonNode recordedUser = recorded("users_get.json").path("response").path("user");

        JsonNode body = okJson(client.get("/v2/users/841697149643495318"));

        assertThat(body.path("user")).isEqualTo(recordedUser);
    }

    @Test
    void usersGetOfUnknownIdGets404() {
        HttpResponse<String> response = client.get("/v2/users/1234567890123456789");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText()).contains("User ID was not found");
    }

    @Test
    void everyCallHostIsAUser() {
        Set<String> userIds = new HashSet<>();
        okJson(client.get("/v2/users")).path("users").forEach(user -> userIds.add(user.path("id").asText()));

        for (StoredCall call : simulator.data().calls()) {
            assertThat(userIds).as("host of call %s", call.id()).contains(call.primaryUserId());
        }
    }

    @Test
    void workspacesListHasNoRecords() {
        JsonNode body = okJson(client.get("/v2/workspaces"));

        assertThat(body.path("workspaces").size()).isEqualTo(2);
        assertThat(body.has("records")).isFalse();
    }

    @Test
    void aggregateStatsReturnRecordedUsers() throws IOException {
        JsonNode recording = recorded("stats_activity_aggregate_list.json").path("response");

        JsonNode body = okJson(client.post("/v2/stats/activity/aggregate", STATS_FILTER));

        assertThat(body.path("usersAggregateActivityStats")).isEqualTo(recording.path("usersAggregateActivityStats"));
        assertThat(body.path("records")).isEqualTo(recording.path("records"));
        assertThat(body.path("fromDateTime").asText()).isEqualTo(recording.path("fromDateTime").asText());
        assertThat(body.path("toDateTime").asText()).isEqualTo(recording.path("toDateTime").asText());
        assertThat(body.path("timeZone").asText()).isEqualTo("US/Pacific");
    }

    @Test
    void dayByDayKeepsWindowDays() {
        JsonNode body = okJson(client.post("/v2/stats/activity/day-by-day",
                "{\"filter\":{\"fromDate\":\"2024-11-04\",\"toDate\":\"2024-11-06\"}}"));

        assertThat(body.path("usersDetailedActivities").size()).isEqualTo(32);
        for (JsonNode user : body.path("usersDetailedActivities")) {
            assertThat(user.path("userDailyActivityStats").size()).isEqualTo(2);
        }
    }

    @Test
    void interactionStatsFilterByUserIds() {
        JsonNode body = okJson(client.post("/v2/stats/interaction",
                "{\"filter\":{\"fromDate\":\"2024-11-01\",\"toDate\":\"2024-12-02\","
                        + "\"userIds\":[\"818655520858481264\"]}}"));

        assertThat(body.path("peopleInteractionStats").size()).isEqualTo(1);
    }

    @Test
    void statsWithoutFromDateGet400() {
        HttpResponse<String> response = client.post("/v2/stats/activity/aggregate",
                "{\"filter\":{\"toDate\":\"2024-12-02\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText()).contains("fromDate");
    }

    @Test
    void answeredScorecardsPageByBodyCursor() {
        String filter = "{\"fromDateTime\":\"2024-11-01T00:00:00Z\",\"toDateTime\":\"2024-12-03T00:00:00Z\"}";

        JsonNode first = okJson(client.post("/v2/stats/activity/scorecards", "{\"filter\":" + filter + "}"));
        String cursor = first.path("records").path("cursor").asText();
        JsonNode second = okJson(client.post("/v2/stats/activity/scorecards",
                "{\"filter\":" + filter + ",\"cursor\":\"" + cursor + "\"}"));

        assertThat(first.path("records").path("totalRecords").asInt()).isEqualTo(150);
        assertThat(first.path("answeredScorecards").size()).isEqualTo(100);
        assertThat(second.path("answeredScorecards").size()).isEqualTo(50);
        assertThat(second.path("records").path("currentPageNumber").asInt()).isEqualTo(1);
    }

    @Test
    void answeredScorecardsWithoutWindowGet400() {
        HttpResponse<String> response = client.post("/v2/stats/activity/scorecards", "{\"filter\":{}}");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void scorecardSettingsFilterByWorkspace() {
        JsonNode all = okJson(client.get("/v2/settings/scorecards"));
        JsonNode sales = okJson(client.get("/v2/settings/scorecards?workspaceId=" + SALES_WORKSPACE));

        assertThat(all.path("scorecards").size()).isEqualTo(4);
        assertThat(sales.path("scorecards").size()).isEqualTo(3);
        assertThat(sales.path("scorecards").get(0).path("scorecardId").isIntegralNumber()).isTrue();
    }

    @Test
    void keywordTrackersJoinToCallTrackers() {
        JsonNode body = okJson(client.get("/v2/settings/trackers?workspaceId=" + SALES_WORKSPACE));

        assertThat(body.path("keywordTrackers").size()).isEqualTo(10);
        assertThat(body.path("keywordTrackers").get(0).path("trackerId").isTextual()).isTrue();
    }

    @Test
    void libraryFoldersWithoutWorkspaceGet400() {
        HttpResponse<String> response = client.get("/v2/library/folders");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText()).contains("workspaceId");
    }

    @Test
    void libraryFoldersOfUnknownWorkspaceGet404() {
        HttpResponse<String> response = client.get("/v2/library/folders?workspaceId=1234567890");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void largeFolderContentHasTwoPages() {
        JsonNode folders = okJson(client.get("/v2/library/folders?workspaceId=" + SALES_WORKSPACE));
        String folderId = null;
        for (JsonNode folder : folders.path("folders")) {
            if ("Team Review Queue".equals(folder.path("name").asText())) {
                folderId = folder.path("id").asText();
            }
        }

        JsonNode first = okJson(client.get("/v2/library/folder-content?folderId=" + folderId));
        JsonNode second = okJson(client.get("/v2/library/folder-content?folderId=" + folderId + "&cursor="
                + first.path("records").path("cursor").asText()));

        assertThat(folders.path("folders").size()).isEqualTo(5);
        assertThat(first.path("name").asText()).isEqualTo("Team Review Queue");
        assertThat(first.path("calls").size()).isEqualTo(100);
        assertThat(second.path("calls").size()).isEqualTo(20);
    }

    @Test
    void folderContentWithoutFolderIdGets400() {
        HttpResponse<String> response = client.get("/v2/library/folder-content");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void coachingListsDirectReports() {
        String managerId = simulator.data().users().stream()
                .filter(user -> user.hasNonNull("managerId"))
                .map(user -> user.path("managerId").asText())
                .findFirst().orElseThrow();

        JsonNode body = okJson(client.get("/v2/coaching?workspace-id=" + SALES_WORKSPACE + "&manager-id="
                + managerId + "&from=2024-11-01T00:00:00Z&to=2024-12-03T00:00:00Z"));

        JsonNode entry = body.path("coachingData").get(0);
        assertThat(entry.path("manager").path("id").asText()).isEqualTo(managerId);
        assertThat(entry.path("directReportsMetrics").size()).isGreaterThan(0);
        assertThat(entry.path("directReportsMetrics").get(0).path("metrics").has("callsListenedTo")).isTrue();
    }

    @Test
    void coachingWithoutManagerGets400() {
        HttpResponse<String> response = client.get("/v2/coaching?workspace-id=" + SALES_WORKSPACE
                + "&from=2024-11-01T00:00:00Z&to=2024-12-03T00:00:00Z");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText()).contains("manager-id");
    }
}
