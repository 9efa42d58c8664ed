package io.camelgong.gong.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cuts a filtered list into Gong's pages and fills {@code records{totalRecords, currentPageSize,
 * currentPageNumber, cursor}}.
 *
 * <p>The cursor is base64url of a small JSON object: the offset of the next page, the {@link
 * ApiRequest#fingerprint() fingerprint} of the request and the time of the first request of the sequence. A
 * cursor that cannot be decoded, or that belongs to another request, gets status 400. So does one older than
 * the configured time to live, with "cursor has expired" as Gong words it.
 *
 * <p>NOTE: the cursor stores an offset, so adding or removing records between two requests shifts the pages.
 */
final class Pager {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SimulatorSettings settings;

    Pager(SimulatorSettings settings) {
        this.settings = settings;
    }

    /**
     * Puts the page that the request's cursor selects into {@code body}: {@code records} first, then the
     * items under {@code itemsField}.
     */
    void writePage(ObjectNode body, String itemsField, List<? extends JsonNode> items, ApiRequest request) {
        Position position = position(request);
        int pageSize = settings.pageSize();
        int from = Math.min(position.offset(), items.size());
        int to = Math.min(from + pageSize, items.size());

        ObjectNode records = body.putObject("records");
        records.put("totalRecords", items.size());
        records.put("currentPageSize", to - from);
        records.put("currentPageNumber", position.offset() / pageSize);
        if (to < items.size()) {
            records.put("cursor", encode(to, request.fingerprint(), position.issuedAt()));
        }

        ArrayNode page = body.putArray(itemsField);
        items.subList(from, to).forEach(page::add);
    }

    private Position position(ApiRequest request) {
        String cursor = request.cursor();
        if (cursor == null) {
            return new Position(0, settings.now());
        }
        JsonNode token = decode(cursor);
        if (!request.fingerprint().equals(Json.text(token, "fingerprint"))) {
            throw GongApiException.badRequest(
                    "cursor does not belong to this request: send it with the same filter as the request that "
                            + "returned it");
        }
        Instant issuedAt = Instant.ofEpochMilli(token.path("issuedAt").asLong());
        Duration age = Duration.between(issuedAt, settings.now());
        if (age.compareTo(settings.cursorTtl()) >= 0) {
            throw GongApiException.badRequest("cursor has expired: repeat the request without a cursor");
        }
        return new Position(token.path("offset").asInt(), issuedAt);
    }

    private static String encode(int offset, String fingerprint, Instant issuedAt) {
        ObjectNode token = Json.MAPPER.createObjectNode();
        token.put("offset", offset);
        token.put("fingerprint", fingerprint);
        token.put("issuedAt", issuedAt.toEpochMilli());
        return ENCODER.encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode decode(String cursor) {
        try {
            JsonNode token = Json.MAPPER.readTree(new String(DECODER.decode(cursor), StandardCharsets.UTF_8));
            if (token.path("offset").canConvertToInt() && token.path("offset").asInt() >= 0
                    && token.path("fingerprint").isTextual() && token.path("issuedAt").isNumber()) {
                return token;
            }
        } catch (IllegalArgumentException | JsonProcessingException e) {
            // falls through to the error below, which names the cursor
        }
        throw GongApiException.badRequest("cursor is not valid: '" + cursor + "'");
    }

    private record Position(int offset, Instant issuedAt) {
    }
}
