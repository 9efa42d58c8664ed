package io.camelgong.gong.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Projects a stored call record onto the blocks that a {@code contentSelector} of {@code /v2/calls/extensive}
 * selects. {@code metaData} is always returned. A block that is not selected is absent, and so is a selected
 * field that the stored record does not have, as Gong returns such fields only "when available".
 */
final class ContentSelection {

    private static final List<String> CONTEXT_VALUES = List.of("None", "Basic", "Extended");
    private static final List<String> CONTENT_FIELDS = List.of("structure", "topics", "trackers",
            "pointsOfInterest", "brief", "outline", "highlights", "callOutcome", "keyPoints");
    /** Selector flag of {@code exposedFields.interaction} mapped to the field of the response. */
    private static final List<Map.Entry<String, String>> INTERACTION_FIELDS = List.of(
            Map.entry("speakers", "speakers"),
            Map.entry("personInteractionStats", "interactionStats"),
            Map.entry("video", "video"),
            Map.entry("questions", "questions"));

    private final JsonNode selector;
    private final JsonNode exposed;

    private ContentSelection(JsonNode selector) {
        this.selector = selector;
        this.exposed = selector.path("exposedFields");
    }

    /** Reads and checks {@code contentSelector} of a request body; an absent selector selects metaData only. */
    static ContentSelection of(JsonNode body) {
        JsonNode selector = body.path("contentSelector");
        String context = Json.text(selector, "context");
        if (context != null && !CONTEXT_VALUES.contains(context)) {
            throw GongApiException.badRequest(
                    "contentSelector.context must be one of " + CONTEXT_VALUES + ", but was '" + context + "'");
        }
        return new ContentSelection(selector);
    }

    /** Returns a new record with the selected blocks of {@code call}; media URLs point at {@code baseUrl}. */
    ObjectNode project(StoredCall call, String baseUrl) {
        ObjectNode stored = call.record();
        ObjectNode projected = Json.MAPPER.createObjectNode();
        projected.set("metaData", stored.path("metaData").deepCopy());
        if (selectsContext() && stored.has("context")) {
            projected.set("context", stored.path("context").deepCopy());
        }
        if (exposed.path("parties").asBoolean() && stored.has("parties")) {
            projected.set("parties", stored.path("parties").deepCopy());
        }
        putIfNotEmpty(projected, "content", content(stored.path("content")));
        putIfNotEmpty(projected, "interaction", interaction(stored.path("interaction")));
        putIfNotEmpty(projected, "collaboration", collaboration(stored.path("collaboration")));
        if (exposed.path("media").asBoolean()) {
            projected.set("media", media(call, baseUrl));
        }
        return projected;
    }

    private boolean selectsContext() {
        String context = Json.text(selector, "context");
        return "Basic".equals(context) || "Extended".equals(context);
    }

    private ObjectNode content(JsonNode stored) {
        JsonNode flags = exposed.path("content");
        boolean occurrences = flags.path("trackerOccurrences").asBoolean();
        ObjectNode content = Json.MAPPER.createObjectNode();
        for (String field : CONTENT_FIELDS) {
            boolean selected = flags.path(field).asBoolean() || ("trackers".equals(field) && occurrences);
            if (selected && stored.has(field)) {
                content.set(field, stored.path(field).deepCopy());
            }
        }
        if (!occurrences && content.path("trackers").isArray()) {
            ((ArrayNode) content.path("trackers")).forEach(tracker -> ((ObjectNode) tracker).remove("occurrences"));
        }
        return content;
    }

    private ObjectNode interaction(JsonNode stored) {
        JsonNode flags = exposed.path("interaction");
        ObjectNode interaction = Json.MAPPER.createObjectNode();
        for (Map.Entry<String, String> flagAndField : INTERACTION_FIELDS) {
            String field = flagAndField.getValue();
            if (flags.path(flagAndField.getKey()).asBoolean() && stored.has(field)) {
                interaction.set(field, stored.path(field).deepCopy());
            }
        }
        return interaction;
    }

    private ObjectNode collaboration(JsonNode stored) {
        ObjectNode collaboration = Json.MAPPER.createObjectNode();
        if (exposed.path("collaboration").path("publicComments").asBoolean() && stored.has("publicComments")) {
            collaboration.set("publicComments", stored.path("publicComments").deepCopy());
        }
        return collaboration;
    }

    /**
     * Returns media URLs on the simulator: audio for every call, video when {@code metaData.media} is
     * {@code Video}. They stand in for Gong's pre-signed object-store URLs.
     */
    private static ObjectNode media(StoredCall call, String baseUrl) {
        ObjectNode media = Json.MAPPER.createObjectNode();
        media.put("audioUrl", MediaTransformer.url(baseUrl, call.id(), MediaTransformer.AUDIO_FILE));
        if ("Video".equals(Json.text(call.metaData(), "media"))) {
            media.put("videoUrl", MediaTransformer.url(baseUrl, call.id(), MediaTransformer.VIDEO_FILE));
        }
        return media;
    }

    private static void putIfNotEmpty(ObjectNode projected, String field, ObjectNode block) {
        if (!block.isEmpty()) {
            projected.set(field, block);
        }
    }
}
