package io.camelgong.gong.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.OperationKind;

/**
 * Reads a successful Gong response into a page straight from the response stream. Jackson's streaming parser walks the
 * top-level fields and turns one record at a time into a {@code Map}, so the body bytes are never held whole. A
 * recorded page of 100 calls_extensive records with content is 0.5 MB of compact JSON (0.9 MB pretty-printed).
 */
final class PageReader {

    /** Bytes kept from the start of a body, for error messages. */
    static final int PREFIX_LENGTH = 800;

    private PageReader() {
    }

    /**
     * Reads the page of a 2xx response.
     *
     * @param operation the operation the response belongs to
     * @param status    the HTTP status, for error messages
     * @param body      the response body; the caller closes it
     * @throws GongApiException when the body is not JSON, not an object, or lacks the operation's records field
     * @throws IOException      when the connection fails while reading
     */
    static GongPage read(GongOperation operation, int status, InputStream body) throws IOException {
        PrefixInputStream input = new PrefixInputStream(body, PREFIX_LENGTH);
        try (JsonParser parser = GongApi.MAPPER.createParser(input)) {
            return readPage(operation, status, parser, input);
        } catch (JsonProcessingException e) {
            throw new GongApiException(operation.name(), status, null, List.of(),
                    "unreadable JSON: " + e.getOriginalMessage() + "; body: " + GongApi.excerpt(input.prefix()), e);
        }
    }

    private static GongPage readPage(GongOperation operation, int status, JsonParser parser, PrefixInputStream input)
            throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new GongApiException(operation.name(), status, null, List.of(),
                    "the answer is not a JSON object: " + GongApi.excerpt(input.prefix()));
        }
        String requestId = null;
        String cursor = null;
        Long total = null;
        Object records = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("requestId".equals(field)) {
                requestId = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
            } else if (operation.recordsField().equals(field)) {
                records = readRecords(operation, parser, value);
            } else if ("records".equals(field) && value == JsonToken.START_OBJECT) {
                Map<String, Object> paging = readObject(parser);
                cursor = paging.get("cursor") == null ? null : paging.get("cursor").toString();
                total = paging.get("totalRecords") instanceof Number number ? number.longValue() : null;
            } else {
                parser.skipChildren();
            }
        }
        if (records == null) {
            throw new GongApiException(operation.name(), status, requestId, List.of(),
                    "the answer has no '" + operation.recordsField() + "' field: " + GongApi.excerpt(input.prefix()));
        }
        return page(operation, records, cursor, requestId, total);
    }

    /**
     * Reads the records field: one object for a get, an array read element by element for a list. Returns
     * {@code null} when the value has the wrong shape.
     */
    private static Object readRecords(GongOperation operation, JsonParser parser, JsonToken value) throws IOException {
        if (operation.kind() == OperationKind.GET) {
            if (value != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return null;
            }
            return readObject(parser);
        }
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(readValue(parser));
        }
        return list;
    }

    /**
     * Reads the value at the current token into the types Jackson's untyped binding produces: LinkedHashMap,
     * ArrayList, String, Integer, Long or BigInteger, Double, Boolean and null. Binding each record through an
     * ObjectReader instead costs a deserialization context per record. The parser's nesting limit bounds the
     * recursion.
     */
    private static Object readValue(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(parser));
                }
                return list;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                return parser.getEmbeddedObject();
        }
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        String field = parser.nextFieldName();
        while (field != null) {
            parser.nextToken();
            map.put(field, readValue(parser));
            field = parser.nextFieldName();
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static GongPage page(
            GongOperation operation, Object records, String cursor, String requestId, Long total) {
        if (operation.kind() == OperationKind.GET) {
            return new GongPage(List.of((Map<String, Object>) records), null, requestId, 1L);
        }
        List<Map<String, Object>> list = (List<Map<String, Object>>) records;
        return new GongPage(list, cursor, requestId, total != null ? total : (long) list.size());
    }

    /**
     * Passes a stream through and keeps a copy of its first bytes.
     */
    static final class PrefixInputStream extends FilterInputStream {

        private final byte[] prefix;
        private int length;

        PrefixInputStream(InputStream in, int prefixLength) {
            super(in);
            this.prefix = new byte[prefixLength];
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && length < prefix.length) {
                prefix[length++] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            int n = in.read(buffer, offset, count);
            if (n > 0 && length < prefix.length) {
                int copied = Math.min(n, prefix.length - length);
                System.arraycopy(buffer, offset, prefix, length, copied);
                length += copied;
            }
            return n;
        }

        byte[] prefix() {
            return Arrays.copyOf(prefix, length);
        }
    }
}
