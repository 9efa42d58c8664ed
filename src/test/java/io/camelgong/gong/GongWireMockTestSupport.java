package io.camelgong.gong;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A CamelContext with the gong component and a WireMock server on a dynamic loopback port, reset before each test.
 * Credentials are set on the component, so endpoint URIs carry only the options under test.
 */
abstract class GongWireMockTestSupport extends CamelTestSupport {

    static final String ACCESS_KEY = "TESTKEY7Q2ZC5M9";
    static final String ACCESS_KEY_SECRET = "s3cr3t-9f8e7d6c5b4a-ZZZ";

    static WireMockServer wireMock;

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
        GongComponent component = new GongComponent();
        component.getConfiguration().setAccessKey(ACCESS_KEY);
        component.getConfiguration().setAccessKeySecret(ACCESS_KEY_SECRET);
        configureComponent(component.getConfiguration());
        context.addComponent("gong", component);
        return context;
    }

    /**
     * Sets component-wide defaults for a test class; by default fast retries and no rate limit to speak of.
     */
    void configureComponent(GongConfiguration configuration) {
        configuration.setRateLimit(1000);
        configuration.setRetryDelay(10);
        configuration.setMaxRetryDelay(40);
        configuration.setMaxRateLimitWait(5_000);
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port();
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
