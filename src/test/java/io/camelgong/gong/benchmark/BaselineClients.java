package io.camelgong.gong.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The contenders without Camel. One pages through the server with the least code that does the job on the libraries
 * camel-gong uses, Apache HttpClient 5 and {@code ObjectMapper.readValue(InputStream, Map.class)}. Two others each time
 * one part of that work alone: the HTTP exchanges with their bodies thrown away, and Jackson's tokenizer without
 * building any {@code Map}.
 */
final class BaselineClients implements AutoCloseable {

    private final CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries().build();
    private final ObjectMapper mapper;
    private final String baseUrl;
    private final String authorization;
    private final byte[] discard = new byte[8192];

    BaselineClients(ObjectMapper mapper, String baseUrl, String authorization) {
        this.mapper = mapper;
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /**
     * Pages through every record and parses each page into a {@code Map}, as a user would without Camel.
     *
     * @return the number of records read
     */
    long readWithJackson(boolean extensive) throws IOException {
        long count = 0;
        String cursor = null;
        do {
            Map<?, ?> page = client.execute(request(extensive, cursor), response -> {
                try (InputStream body = response.getEntity().getContent()) {
                    return mapper.readValue(body, Map.class);
                }
            });
            for (Object record : (List<?>) page.get("calls")) {
                if (record != null) {
                    count++;
                }
            }
            Object next = ((Map<?, ?>) page.get("records")).get("cursor");
            cursor = next == null ? null : next.toString();
        } while (cursor != null);
        return count;
    }

    /**
     * Sends the same requests as {@link #readWithJackson(boolean)} for a number of records and reads each body to its
     * end without parsing it. The server's cursors are {@code p1}, {@code p2} and so on.
     *
     * @return the number of records the pages held
     */
    long readDiscarding(boolean extensive, long records) throws IOException {
        long pages = (records + BenchmarkServer.PAGE_SIZE - 1) / BenchmarkServer.PAGE_SIZE;
        for (long page = 0; page < pages; page++) {
            client.execute(request(extensive, page == 0 ? null : "p" + page), response -> {
                try (InputStream body = response.getEntity().getContent()) {
                    while (body.read(discard) >= 0) {
                        // the bytes are not used
                    }
                }
                return null;
            });
        }
        return pages * BenchmarkServer.PAGE_SIZE;
    }

    /**
     * Runs Jackson's tokenizer over pages held in memory and creates each string value, but builds no {@code Map}.
     *
     * @return the number of records, counted as the objects three levels deep
     */
    static long tokenizeOnly(ObjectMapper mapper, List<byte[]> pages, long records) throws IOException {
        long count = 0;
        for (long page = 0; count < records; page++) {
            try (JsonParser parser = mapper.createParser(pages.get((int) (page % pages.size())))) {
                int depth = 0;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token.isStructStart()) {
                        depth++;
                        if (depth == 3 && token == JsonToken.START_OBJECT) {
                            count++;
                        }
                    } else if (token.isStructEnd()) {
                        depth--;
                    } else if (token == JsonToken.VALUE_STRING && parser.getText() == null) {
                        throw new IllegalStateException("Jackson returned no text for a string value");
                    }
                }
            }
        }
        return count;
    }

    private HttpUriRequestBase request(boolean extensive, String cursor) {
        HttpUriRequestBase request;
        if (extensive) {
            request = new HttpPost(baseUrl + "/v2/calls/extensive");
            String body = cursor == null ? "{\"filter\":{}}" : "{\"filter\":{},\"cursor\":\"" + cursor + "\"}";
            request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        } else {
            request = new HttpGet(baseUrl + "/v2/calls" + (cursor == null ? "" : "?cursor=" + cursor));
        }
        request.setHeader("Authorization", authorization);
        request.setHeader("Accept", "application/json");
        return request;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
