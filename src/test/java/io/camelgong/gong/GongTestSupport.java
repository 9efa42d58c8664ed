package io.camelgong.gong;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Starts a WireMock server on loopback for a test class and points the gong component at it with an access key.
 */
public abstract class GongTestSupport extends CamelTestSupport {

    protected static final String ACCESS_KEY = "test-access-key";
    protected static final String ACCESS_KEY_SECRET = "test-access-key-secret";
    protected static final String BASIC_AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString((ACCESS_KEY + ":" + ACCESS_KEY_SECRET).getBytes(StandardCharsets.UTF_8));
    protected static final ObjectMapper JSON = new ObjectMapper();

    protected static WireMockServer wireMock;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void resetWireMock() {
        wireMock.resetAll();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        GongComponent gong = new GongComponent();
        gong.getConfiguration().setBaseUrl(baseUrl());
        gong.getConfiguration().setAccessKey(ACCESS_KEY);
        gong.getConfiguration().setAccessKeySecret(ACCESS_KEY_SECRET);
        configureComponent(gong.getConfiguration());
        context.addComponent("gong", gong);
        return context;
    }

    /**
     * Sets component-wide defaults for a test class. By default each error surfaces at once, because retries, 429
     * waits and the rate limit have tests of their own.
     */
    protected void configureComponent(GongConfiguration configuration) {
        configuration.setMaxRetries(0);
        configuration.setMaxRateLimitWait(0);
        configuration.setRateLimit(1000);
    }

    protected static String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    /**
     * Sends a message to an endpoint and returns the exchange, with any exception left on it.
     */
    protected Exchange send(String uri, Map<String, Object> params) {
        return template.request(uri, exchange -> {
            if (params != null) {
                exchange.getMessage().setHeader(GongConstants.PARAMS, params);
            }
        });
    }

    /**
     * Reads a recorded Gong exchange (entity, action, params, request, status, response) from the test resources.
     */
    protected static Map<String, Object> recorded(String file) {
        try (InputStream in = GongTestSupport.class.getResourceAsStream("/recorded/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No recorded Gong answer named " + file);
            }
            return JSON.readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
