package io.camelgong.gong.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads the recorded Gong responses under {@code recorded/} on the classpath into a data set. Each file
 * keeps the recording's wrapper {@code {entity, action, params, request, status, response}}. Only
 * {@code response} and, for the stats window, {@code params} are read.
 */
final class RecordedDataLoader {

    static final String RESOURCE_FOLDER = "/recorded/";

    /**
     * Call files in load order. Call lists come first, in the order of the files, so the recorded calls keep
     * their recorded order. A call that is already present with {@code metaData} only is replaced by a record
     * with more blocks. Otherwise the first record of an id wins.
     */
    private static final List<String> CALL_FILES = List.of(
            "calls_list.json",
            "calls_get.json",
            "calls_extensive_list.json",
            "calls_extensive_list_content_selector.json",
            "calls_list_november.json");

    private RecordedDataLoader() {
    }

    static void loadInto(GongSimulatorData data) {
        read("workspaces_list.json").path("workspaces").forEach(data::addWorkspace);
        read("users_list.json").path("users").forEach(data::addUser);
        data.addUser(read("users_get.json").path("user"));
        CALL_FILES.forEach(file -> loadCalls(data, read(file)));
        read("call_transcripts_list.json").path("callTranscripts").forEach(data::addTranscript);
        read("call_transcripts_list_by_call_id.json").path("callTranscripts").forEach(data::addTranscript);
        data.stats(loadStats());
    }

    private static void loadCalls(GongSimulatorData data, JsonNode response) {
        List<JsonNode> records = new ArrayList<>();
        response.path("calls").forEach(records::add);
        if (response.has("call")) {
            records.add(response.path("call"));
        }
        for (JsonNode item : records) {
            ObjectNode record = item.has("metaData") ? (ObjectNode) item.deepCopy() : wrapMetaData(item);
            // Media URLs are not stored: the endpoints point them at the simulator, because the recorded
            // pre-signed URLs name an object store that the simulator must never send traffic to.
            record.remove("media");
            addIfRicher(data, record);
        }
    }

    private static ObjectNode wrapMetaData(JsonNode call) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.set("metaData", call.deepCopy());
        return record;
    }

    private static void addIfRicher(GongSimulatorData data, ObjectNode record) {
        String id = Json.text(record.path("metaData"), "id");
        boolean replace = data.storedCall(id)
                .map(stored -> stored.record().size() == 1 && record.size() > 1)
                .orElse(true);
        if (replace) {
            data.addCall(record);
        }
    }

    private static GongSimulatorData.StatsPeriod loadStats() {
        JsonNode aggregateFile = readFile("stats_activity_aggregate_list.json");
        JsonNode filter = aggregateFile.path("params").path("filter");
        return new GongSimulatorData.StatsPeriod(
                LocalDate.parse(filter.path("fromDate").asText()),
                LocalDate.parse(filter.path("toDate").asText()),
                objects(aggregateFile.path("response").path("usersAggregateActivityStats")),
                objects(read("stats_activity_day_by_day_list.json").path("usersDetailedActivities")),
                objects(read("stats_interaction_list.json").path("peopleInteractionStats")));
    }

    private static List<ObjectNode> objects(JsonNode array) {
        List<ObjectNode> objects = new ArrayList<>();
        array.forEach(item -> objects.add((ObjectNode) item));
        return objects;
    }

    private static JsonNode read(String file) {
        return readFile(file).path("response");
    }

    private static JsonNode readFile(String file) {
        String resource = RESOURCE_FOLDER + file;
        try (InputStream in = RecordedDataLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Recorded Gong response " + resource + " is missing from the classpath");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read recorded Gong response " + resource, e);
        }
    }
}
