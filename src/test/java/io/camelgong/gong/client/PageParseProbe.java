package io.camelgong.gong.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;

/**
 * Gives the benchmark access to the page reader and to the buffered parse it replaced, for a before/after figure.
 */
public final class PageParseProbe {

    private static final GongOperation CALLS_EXTENSIVE = GongCatalog.operation("calls_extensive", "list");
    private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {
    };

    private PageParseProbe() {
    }

    /**
     * Parses a page as the client did before: the whole body into a byte[], then into a Map.
     *
     * @return the number of records
     */
    public static int parseBuffered(byte[] page) throws IOException {
        InputStream in = new ByteArrayInputStream(page);
        byte[] body = in.readAllBytes();
        Map<String, Object> answer = GongApi.MAPPER.readValue(body, MAP_TYPE);
        return ((List<?>) answer.get("calls")).size();
    }

    /**
     * Parses a page with the streaming page reader.
     *
     * @return the number of records
     */
    public static int parseStreaming(byte[] page) throws IOException {
        return PageReader.read(CALLS_EXTENSIVE, 200, new ByteArrayInputStream(page)).records().size();
    }

    /** Returns the number of body bytes the page reader keeps for error messages. */
    public static int keptPrefixBytes() {
        return PageReader.PREFIX_LENGTH;
    }
}
