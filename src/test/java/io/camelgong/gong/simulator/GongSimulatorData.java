package io.camelgong.gong.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Mutable in-memory data set that a {@link GongSimulator} serves. The endpoints compute every response from it
 * on each request, so changes show up in the next response.
 *
 * <p>Calls are kept once, in the shape of a {@code /v2/calls/extensive} item: {@code metaData} plus optional
 * {@code parties}, {@code content}, {@code interaction}, {@code collaboration} and {@code context} blocks.
 * {@code /v2/calls} serves the {@code metaData} of the same records. Calls are listed in the order they were
 * added, and adding a call whose id exists replaces it in place.
 *
 * <p>All methods are thread-safe. Records passed in are copied, and records handed out are copies.
 */
public final class GongSimulatorData {

    private final Map<String, StoredCall> calls = new LinkedHashMap<>();
    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, ObjectNode> workspaces = new LinkedHashMap<>();
    private final Map<String, ObjectNode> transcripts = new LinkedHashMap<>();
    private final List<ObjectNode> scorecards = new ArrayList<>();
    private final List<ObjectNode> keywordTrackers = new ArrayList<>();
    private final Map<String, LibraryFolder> folders = new LinkedHashMap<>();
    private final List<ObjectNode> answeredScorecards = new ArrayList<>();
    private StatsPeriod stats;

    private GongSimulatorData() {
    }

    /**
     * Creates the demo data set: the recorded Gong responses under {@code recorded/} on the classpath plus
     * the deterministic generated records described in that folder's README.
     */
    public static GongSimulatorData demo() {
        GongSimulatorData data = recorded();
        DemoDataGenerator.generateInto(data);
        return data;
    }

    /** Creates a data set of the recorded Gong responses only, without generated records. */
    public static GongSimulatorData recorded() {
        GongSimulatorData data = new GongSimulatorData();
        RecordedDataLoader.loadInto(data);
        return data;
    }

    /** Creates a data set without any record. */
    public static GongSimulatorData empty() {
        return new GongSimulatorData();
    }

    // --- calls

    /**
     * Creates a call record with Gong's {@code metaData} fields and defaults: a Zoom video conference of 30
     * minutes, scheduled when it started, in no workspace and with no host. Change it before adding it.
     */
    public static ObjectNode callRecord(String id, OffsetDateTime started) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        ObjectNode metaData = record.putObject("metaData");
        metaData.put("id", ApiRequest.requireId(id, "call id"));
        metaData.put("url", "https://us-56720.app.gong.io/call?id=" + id);
        metaData.put("title", "Simulated call " + id);
        metaData.put("scheduled", GongTime.format(started));
        metaData.put("started", GongTime.format(started));
        metaData.put("duration", 1800);
        metaData.putNull("primaryUserId");
        metaData.put("direction", "Conference");
        metaData.put("system", "Zoom");
        metaData.put("scope", "External");
        metaData.put("media", "Video");
        metaData.put("language", "eng");
        metaData.putNull("workspaceId");
        for (String field : List.of("sdrDisposition", "clientUniqueId", "customData", "purpose", "meetingUrl")) {
            metaData.putNull(field);
        }
        metaData.put("isPrivate", false);
        metaData.putNull("calendarEventId");
        return record;
    }

    /** Adds a visible call made by {@link #callRecord(String, OffsetDateTime)}. */
    public void addCall(String id, OffsetDateTime started) {
        addCall(callRecord(id, started));
    }

    /** Adds a visible call record in the shape of a {@code /v2/calls/extensive} item. */
    public void addCall(JsonNode record) {
        addCall(record, null);
    }

    /** Adds a visible call record given as a map, such as one read from JSON. */
    public void addCall(Map<String, Object> record) {
        addCall(Json.MAPPER.valueToTree(record), null);
    }

    /**
     * Adds a call that the API lists only from {@code visibleFrom} on (by the simulator's clock), as Gong lists
     * a call only after processing it. {@code null} makes it visible at once.
     */
    public synchronized void addCall(JsonNode record, Instant visibleFrom) {
        StoredCall call = new StoredCall(copyOfObject(record, "call record"), visibleFrom);
        calls.put(call.id(), call);
    }

    /**
     * Hides a call from the call endpoints until {@link #revealCall(String)}. Its transcript stays listed, as
     * Gong may list a transcript before it lists the call.
     */
    public void hideCall(String id) {
        hideCallUntil(id, Instant.MAX);
    }

    /** Hides a call from the call endpoints until the simulator's clock reaches {@code visibleFrom}. */
    public synchronized void hideCallUntil(String id, Instant visibleFrom) {
        requireCall(id).visibleFrom(Objects.requireNonNull(visibleFrom, "visibleFrom"));
    }

    /** Makes a hidden call visible at once. */
    public synchronized void revealCall(String id) {
        requireCall(id).visibleFrom(null);
    }

    public synchronized boolean removeCall(String id) {
        return calls.remove(id) != null;
    }

    /** Returns a copy of a call record, whether the call is visible or not. */
    public synchronized Optional<ObjectNode> call(String id) {
        return Optional.ofNullable(calls.get(id)).map(call -> call.record().deepCopy());
    }

    public synchronized int callCount() {
        return calls.size();
    }

    private StoredCall requireCall(String id) {
        StoredCall call = calls.get(id);
        if (call == null) {
            throw new IllegalArgumentException("No call with id " + id + " in the data set");
        }
        return call;
    }

    // --- transcripts

    /**
     * Adds or replaces the transcript of a call: {@code monologues} is the {@code transcript} array of
     * {@code /v2/calls/transcript}, items {@code {speakerId, topic, sentences[{start, end, text}]}}.
     */
    public void addTranscript(String callId, JsonNode monologues) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("callId", ApiRequest.requireId(callId, "callId"));
        record.set("transcript", monologues.deepCopy());
        addTranscript(record);
    }

    /** Adds or replaces a {@code callTranscripts} item {@code {callId, transcript[...]}}. */
    public synchronized void addTranscript(JsonNode callTranscript) {
        String callId = ApiRequest.requireId(Json.text(callTranscript, "callId"), "callId");
        if (!callTranscript.path("transcript").isArray()) {
            throw new IllegalArgumentException("A call transcript needs a 'transcript' array: " + callTranscript);
        }
        transcripts.put(callId, copyOfObject(callTranscript, "call transcript"));
    }

    public synchronized boolean removeTranscript(String callId) {
        return transcripts.remove(callId) != null;
    }

    public synchronized int transcriptCount() {
        return transcripts.size();
    }

    // --- users and workspaces

    /** Adds or replaces a user in the shape of a {@code /v2/users} item; it needs an {@code id}. */
    public synchronized void addUser(JsonNode user) {
        String id = ApiRequest.requireId(Json.text(user, "id"), "user id");
        users.put(id, copyOfObject(user, "user"));
    }

    public synchronized int userCount() {
        return users.size();
    }

    /** Adds or replaces a workspace {@code {id, name, description}}. */
    public synchronized void addWorkspace(JsonNode workspace) {
        String id = ApiRequest.requireId(Json.text(workspace, "id"), "workspace id");
        workspaces.put(id, copyOfObject(workspace, "workspace"));
    }

    private static ObjectNode copyOfObject(JsonNode node, String description) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("A " + description + " must be a JSON object, but was: " + node);
        }
        return node.deepCopy();
    }

    /** Removes every record of every entity. */
    public synchronized void clear() {
        calls.clear();
        users.clear();
        workspaces.clear();
        transcripts.clear();
        scorecards.clear();
        keywordTrackers.clear();
        folders.clear();
        answeredScorecards.clear();
        stats = null;
    }

    // --- records used by the loader, the generator and the endpoints

    synchronized List<StoredCall> calls() {
        return new ArrayList<>(calls.values());
    }

    synchronized Optional<StoredCall> storedCall(String id) {
        return Optional.ofNullable(calls.get(id));
    }

    synchronized List<ObjectNode> users() {
        return new ArrayList<>(users.values());
    }

    synchronized Optional<ObjectNode> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    synchronized List<ObjectNode> workspaces() {
        return new ArrayList<>(workspaces.values());
    }

    synchronized boolean hasWorkspace(String id) {
        return workspaces.containsKey(id);
    }

    synchronized List<ObjectNode> transcripts() {
        return new ArrayList<>(transcripts.values());
    }

    synchronized void stats(StatsPeriod period) {
        this.stats = period;
    }

    synchronized Optional<StatsPeriod> stats() {
        return Optional.ofNullable(stats);
    }

    synchronized void addScorecard(ObjectNode scorecard) {
        scorecards.add(scorecard);
    }

    synchronized List<ObjectNode> scorecards() {
        return new ArrayList<>(scorecards);
    }

    synchronized void addKeywordTracker(ObjectNode tracker) {
        keywordTrackers.add(tracker);
    }

    synchronized List<ObjectNode> keywordTrackers() {
        return new ArrayList<>(keywordTrackers);
    }

    synchronized void addFolder(LibraryFolder folder) {
        folders.put(folder.id(), folder);
    }

    synchronized List<LibraryFolder> folders() {
        return new ArrayList<>(folders.values());
    }

    synchronized Optional<LibraryFolder> folder(String id) {
        return Optional.ofNullable(folders.get(id));
    }

    synchronized void addAnsweredScorecard(ObjectNode answered) {
        answeredScorecards.add(answered);
    }

    synchronized List<ObjectNode> answeredScorecards() {
        return new ArrayList<>(answeredScorecards);
    }

    /**
     * Recorded responses of the three stats endpoints for one window [{@code fromDate}, {@code toDate}) of
     * company dates.
     */
    record StatsPeriod(LocalDate fromDate, LocalDate toDate, List<ObjectNode> aggregate,
            List<ObjectNode> dayByDay, List<ObjectNode> interaction) {
    }

    /**
     * Library folder of a workspace: {@code folder} is the {@code /v2/library/folders} item, {@code calls} the
     * {@code /v2/library/folder-content} items.
     */
    record LibraryFolder(String workspaceId, ObjectNode folder, List<ObjectNode> calls) {

        String id() {
            return Json.text(folder, "id");
        }
    }
}
