package io.camelgong.gong;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The WireMock test support with credentials of its own and fast retries, and URIs that name the base URL, so
 * endpoint URIs carry only the options under test.
 */
abstract class GongWireMockTestSupport extends GongTestSupport {

    static final String ACCESS_KEY = "TESTKEY7Q2ZC5M9";
    static final String ACCESS_KEY_SECRET = "s3cr3t-9f8e7d6c5b4a-ZZZ";

    /**
     * Sets this class's credentials, which tests look for in logs and messages, and fast retries with no rate limit
     * to speak of.
     */
    @Override
    protected void configureComponent(GongConfiguration configuration) {
        configuration.setAccessKey(ACCESS_KEY);
        configuration.setAccessKeySecret(ACCESS_KEY_SECRET);
        configuration.setRateLimit(1000);
        configuration.setRetryDelay(10);
        configuration.setMaxRetryDelay(40);
        configuration.setMaxRateLimitWait(5_000);
    }

    static String uri(String entityAction, String options) {
        return "gong:" + entityAction + "?baseUrl=" + baseUrl() + (options.isEmpty() ? "" : "&" + options);
    }

    static String resource(String path) {
        try (InputStream in = GongWireMockTestSupport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the body of the recorded users/list response (9 users), without the fixture's request metadata.
     */
    static String usersList() {
        try {
            return new ObjectMapper().readTree(resource("/recorded/users_list.json")).get("response").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
