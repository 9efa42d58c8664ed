package io.camelgong.gong.simulator;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates the entities that have no recorded response, in the shape of Gong's OpenAPI document: scorecard
 * settings, answered scorecards, keyword trackers and library folders. They join to the users, calls and
 * workspaces already in the data set.
 *
 * <p>Where the OpenAPI document types an id as {@code integer (int64)} (scorecards, questions, answered
 * scorecards), the generated record writes a JSON number. Elsewhere ids are strings.
 */
final class DemoSettingsGenerator {

    private static final String SCORECARD_CREATED = "2024-03-04T09:15:00-08:00";
    private static final String SCORECARD_UPDATED = "2024-09-16T11:40:00-07:00";
    private static final Map<String, List<String>> SCORECARD_QUESTIONS = new LinkedHashMap<>();
    private static final Map<String, List<String>> TRACKER_KEYWORDS = Map.of(
            "Timing", List.of("timeline", "by when", "go live", "deadline"),
            "Budget", List.of("budget", "price", "cost", "spend"),
            "Process", List.of("process", "procurement", "approval"),
            "Authority", List.of("sign off", "decision maker", "approve"),
            "Differentiation", List.of("different from", "unique", "compared to"),
            "Contoso Value Prop", List.of("save time", "one platform", "no code"),
            "Competitors to Contoso", List.of("Fabrikam Data", "Litware ETL"),
            "Adjacent Tech Stack", List.of("data warehouse", "dbt", "orchestration"),
            "Negative Impact (by Gong)", List.of("frustrated", "concern", "risk"),
            "Remote Work (by Gong)", List.of("remote", "work from home", "hybrid"));

    static {
        SCORECARD_QUESTIONS.put("Discovery Call Scorecard", List.of(
                "Did the rep confirm the customer's main pain points?",
                "Did the rep identify the decision process?",
                "Did the rep agree on next steps with a date?"));
        SCORECARD_QUESTIONS.put("Demo Scorecard", List.of(
                "Was the demo tailored to the customer's use case?",
                "Did the rep handle objections?",
                "Did the rep check for open questions?"));
        SCORECARD_QUESTIONS.put("Renewal Check-in Scorecard", List.of(
                "Did the rep review adoption with the customer?",
                "Did the rep ask about expansion plans?"));
    }

    private final GongSimulatorData data;
    private final DemoRandom random;
    private final List<String> managerIds;
    private final List<StoredCall> contentCalls = new ArrayList<>();
    private final String workspaceId;

    private DemoSettingsGenerator(GongSimulatorData data, DemoRandom random, List<String> managerIds) {
        this.data = data;
        this.random = random;
        this.managerIds = managerIds;
        for (StoredCall call : data.calls()) {
            if (call.record().has("content")) {
                contentCalls.add(call);
            }
        }
        this.workspaceId = contentCalls.isEmpty() ? null : contentCalls.get(0).workspaceId();
    }

    /**
     * Adds the generated records. {@code managerIds} are the generated users who manage the others, and they
     * update the settings, create the folders and review the scorecards.
     */
    static void generateInto(GongSimulatorData data, DemoRandom random, List<String> managerIds) {
        DemoSettingsGenerator generator = new DemoSettingsGenerator(data, random, managerIds);
        if (generator.workspaceId == null || managerIds.isEmpty()) {
            return;
        }
        List<ObjectNode> scorecards = generator.generateScorecards();
        generator.generateAnsweredScorecards(scorecards);
        generator.generateKeywordTrackers();
        generator.generateFolders();
    }

    // --- scorecards

    private List<ObjectNode> generateScorecards() {
        List<ObjectNode> enabled = new ArrayList<>();
        String updaterId = managerIds.get(0);
        for (Map.Entry<String, List<String>> definition : SCORECARD_QUESTIONS.entrySet()) {
            boolean isEnabled = enabled.size() < 2;
            ObjectNode scorecard = scorecard(definition.getKey(), definition.getValue(), workspaceId, updaterId);
            scorecard.put("enabled", isEnabled);
            data.addScorecard(scorecard);
            if (isEnabled) {
                enabled.add(scorecard);
            }
        }
        String otherWorkspace = otherWorkspaceId();
        if (otherWorkspace != null) {
            String updater = firstUserOfWorkspace(otherWorkspace);
            data.addScorecard(scorecard("Uploaded Call Review", List.of("Is the recording complete?"),
                    otherWorkspace, updater));
        }
        return enabled;
    }

    private ObjectNode scorecard(String name, List<String> questionTexts, String workspace, String updaterId) {
        ObjectNode scorecard = Json.MAPPER.createObjectNode();
        scorecard.put("scorecardId", number(random.id()));
        scorecard.put("scorecardName", name);
        scorecard.put("workspaceId", number(workspace));
        scorecard.put("enabled", true);
        scorecard.put("updaterUserId", number(updaterId));
        scorecard.put("created", SCORECARD_CREATED);
        scorecard.put("updated", SCORECARD_UPDATED);
        ArrayNode questions = scorecard.putArray("questions");
        for (String text : questionTexts) {
            questions.add(question(text, false, updaterId));
        }
        questions.add(question("Overall, how well did the call go?", true, updaterId));
        return scorecard;
    }

    private ObjectNode question(String text, boolean overall, String updaterId) {
        ObjectNode question = Json.MAPPER.createObjectNode();
        question.put("questionId", number(random.id()));
        question.put("questionRevisionId", number(random.id()));
        question.put("questionText", text);
        question.put("isOverall", overall);
        question.put("updaterUserId", number(updaterId));
        question.put("created", SCORECARD_CREATED);
        question.put("updated", SCORECARD_UPDATED);
        return question;
    }

    /**
     * Fills in a scorecard for every second call with content: the host is reviewed by their manager (a host
     * without a manager by another manager) one hour to three days after the call started.
     */
    private void generateAnsweredScorecards(List<ObjectNode> scorecards) {
        for (int i = 0; i < contentCalls.size(); i += 2) {
            StoredCall call = contentCalls.get(i);
            ObjectNode scorecard = scorecards.get((i / 2) % scorecards.size());
            data.addAnsweredScorecard(answered(call, scorecard, reviewerOf(call.primaryUserId())));
        }
    }

    private String reviewerOf(String hostId) {
        String managerId = data.user(hostId).map(user -> Json.text(user, "managerId")).orElse(null);
        if (managerId != null) {
            return managerId;
        }
        return managerIds.stream().filter(id -> !id.equals(hostId)).findFirst().orElse(managerIds.get(0));
    }

    private ObjectNode answered(StoredCall call, ObjectNode scorecard, String reviewerId) {
        OffsetDateTime started = OffsetDateTime.parse(Json.text(call.metaData(), "started"));
        ObjectNode answered = Json.MAPPER.createObjectNode();
        answered.put("answeredScorecardId", number(random.id()));
        answered.set("scorecardId", scorecard.path("scorecardId"));
        answered.put("scorecardName", Json.text(scorecard, "scorecardName"));
        answered.put("callId", number(call.id()));
        answered.put("callStartTime", Json.text(call.metaData(), "started"));
        answered.put("reviewedUserId", number(call.primaryUserId()));
        answered.put("reviewerUserId", number(reviewerId));
        answered.put("reviewTime", GongTime.format(started.plusMinutes(random.between(60, 72 * 60))));
        answered.put("visibilityType", random.chance(0.8) ? "PUBLIC" : random.pick(List.of("PRIVATE",
                "OPT_IN_USERS")));
        ArrayNode answers = answered.putArray("answers");
        for (JsonNode question : scorecard.path("questions")) {
            boolean notApplicable = !question.path("isOverall").asBoolean() && random.chance(0.1);
            ObjectNode answer = answers.addObject();
            answer.set("questionId", question.path("questionId"));
            answer.set("questionRevisionId", question.path("questionRevisionId"));
            answer.put("isOverall", question.path("isOverall").asBoolean());
            if (notApplicable) {
                answer.putNull("score");
                answer.putNull("answerText");
            } else {
                answer.put("score", random.between(1, 5));
                answer.put("answerText", random.chance(0.3) ? "Covered well, with concrete examples." : null);
            }
            answer.put("notApplicable", notApplicable);
        }
        return answered;
    }

    // --- keyword trackers

    /** Adds a keyword tracker for every tracker of type KEYWORD that the recorded calls report. */
    private void generateKeywordTrackers() {
        String creatorId = managerIds.get(0);
        for (JsonNode tracker : contentCalls.get(0).record().path("content").path("trackers")) {
            if (!"KEYWORD".equals(Json.text(tracker, "type"))) {
                continue;
            }
            String name = Json.text(tracker, "name");
            boolean builtIn = name.endsWith("(by Gong)");
            ObjectNode keywordTracker = Json.MAPPER.createObjectNode();
            keywordTracker.put("trackerId", Json.text(tracker, "id"));
            keywordTracker.put("trackerName", name);
            keywordTracker.put("workspaceId", workspaceId);
            ObjectNode keywords = keywordTracker.putArray("languageKeywords").addObject();
            keywords.put("language", "eng");
            keywords.set("keywords", Json.strings(TRACKER_KEYWORDS.getOrDefault(name, List.of(name.toLowerCase()))));
            keywords.put("includeRelatedForms", !builtIn);
            keywordTracker.put("affiliation", "Anyone");
            keywordTracker.put("partOfQuestion", false);
            keywordTracker.put("saidAt", "Anytime");
            keywordTracker.putNull("saidAtInterval");
            keywordTracker.putNull("saidAtUnit");
            keywordTracker.putArray("saidInTopics");
            keywordTracker.putArray("saidInCallParts");
            keywordTracker.put("filterQuery", "");
            keywordTracker.put("created", SCORECARD_CREATED);
            keywordTracker.put("creatorUserId", builtIn ? null : creatorId);
            keywordTracker.put("updated", SCORECARD_UPDATED);
            keywordTracker.put("updaterUserId", builtIn ? null : creatorId);
            data.addKeywordTracker(keywordTracker);
        }
    }

    // --- library

    /**
     * Adds library folders. The workspace of the calls with content gets a root folder with three sub-folders
     * and a second root folder. One sub-folder contains 120 calls, so its content has two pages. The other
     * workspace gets one folder of its calls.
     */
    private void generateFolders() {
        String root = addFolder(workspaceId, "Call Library", null, managerIds.get(0), List.of());
        addFolder(workspaceId, "Best Discovery Calls", root, managerIds.get(0), contentCalls(0, 12));
        addFolder(workspaceId, "Objection Handling", root, managerIds.get(1 % managerIds.size()),
                contentCalls(12, 20));
        addFolder(workspaceId, "Team Review Queue", root, managerIds.get(2 % managerIds.size()),
                contentCalls(20, 140));
        addFolder(workspaceId, "Onboarding", null, managerIds.get(0), contentCalls(140, 145));
        String otherWorkspace = otherWorkspaceId();
        if (otherWorkspace != null) {
            List<StoredCall> calls = data.calls().stream()
                    .filter(call -> otherWorkspace.equals(call.workspaceId())).toList();
            addFolder(otherWorkspace, "Uploaded Demos", null, firstUserOfWorkspace(otherWorkspace), calls);
        }
    }

    private String addFolder(String workspace, String name, String parentId, String creatorId,
            List<StoredCall> calls) {
        ObjectNode folder = Json.MAPPER.createObjectNode();
        String id = random.id();
        folder.put("id", id);
        folder.put("name", name);
        folder.put("parentFolderId", parentId);
        folder.put("createdBy", creatorId);
        folder.put("updated", "2024-12-03T10:00:00-08:00");
        List<ObjectNode> items = new ArrayList<>();
        for (StoredCall call : calls) {
            items.add(libraryCall(call, creatorId));
        }
        data.addFolder(new GongSimulatorData.LibraryFolder(workspace, folder, items));
        return id;
    }

    private ObjectNode libraryCall(StoredCall call, String addedBy) {
        ObjectNode item = Json.MAPPER.createObjectNode();
        item.put("id", call.id());
        item.put("title", Json.text(call.metaData(), "title"));
        item.put("note", random.chance(0.4) ? "Good example of a clear agenda and next steps." : null);
        item.put("addedBy", addedBy);
        OffsetDateTime started = OffsetDateTime.parse(Json.text(call.metaData(), "started"));
        item.put("created", GongTime.format(started.plusDays(random.between(1, 5))));
        item.put("url", Json.text(call.metaData(), "url"));
        if (random.chance(0.5)) {
            int from = random.between(0, Math.max(1, call.metaData().path("duration").asInt() - 120));
            ObjectNode snippet = item.putObject("snippet");
            snippet.put("fromSec", from);
            snippet.put("toSec", from + random.between(30, 120));
        } else {
            item.putNull("snippet");
        }
        return item;
    }

    // --- joins

    /** Returns the calls with content from index {@code from} to {@code to}, fewer when there are fewer. */
    private List<StoredCall> contentCalls(int from, int to) {
        int size = contentCalls.size();
        return contentCalls.subList(Math.min(from, size), Math.min(to, size));
    }

    private String otherWorkspaceId() {
        return data.workspaces().stream().map(workspace -> Json.text(workspace, "id"))
                .filter(id -> !id.equals(workspaceId)).findFirst().orElse(null);
    }

    private String firstUserOfWorkspace(String workspace) {
        return data.calls().stream().filter(call -> workspace.equals(call.workspaceId()))
                .map(StoredCall::primaryUserId).findFirst()
                .orElseGet(() -> Json.text(data.users().get(0), "id"));
    }

    private static BigInteger number(String id) {
        return new BigInteger(id);
    }
}
