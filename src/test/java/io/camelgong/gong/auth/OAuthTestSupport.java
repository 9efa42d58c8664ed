package io.camelgong.gong.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.camelgong.gong.GongComponent;
import io.camelgong.gong.GongConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WireMock servers for Gong's token endpoint and API on loopback, real CamelContexts with the Gong component, and a
 * log capture that fails a test whose logs contain a token, the client secret or a Basic header value.
 */
abstract class OAuthTestSupport {

    static final String CLIENT_ID = "camelgongtestclient";
    static final String CLIENT_SECRET = "client-secret-0f9e8d7c";
    static final String TOKEN_PATH = "/oauth2/generate-customer-token";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tempDir;

    WireMockServer gong;
    final List<CamelContext> contexts = new ArrayList<>();
    final List<String> secrets = new ArrayList<>();
    private final CapturingAppender appender = new CapturingAppender();

    @BeforeEach
    void startServers() {
        gong = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        gong.start();
        secrets.add(CLIENT_SECRET);
        secrets.add(basicValue());
        appender.attach();
    }

    @AfterEach
    void stopServersAndCheckLogs() {
        for (CamelContext context : contexts) {
            context.stop();
        }
        gong.stop();
        appender.detach();
        List<String> messages = appender.messages();
        for (String secret : secrets) {
            assertThat(messages).as("log lines containing a secret").noneMatch(line -> line.contains(secret));
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + gong.port();
    }

    String tokenUrl() {
        return baseUrl() + TOKEN_PATH;
    }

    static String basicValue() {
        return Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns a name for a token and remembers it as a secret that no log line may contain.
     */
    String token(String name) {
        String token = name + "-tok-" + Integer.toHexString(name.hashCode() * 31 + 7);
        secrets.add(token);
        return token;
    }

    /**
     * Returns OAuth options pointing at the WireMock token endpoint, with baseUrl on the WireMock API.
     */
    GongConfiguration oauthConfiguration(String refreshToken) {
        GongConfiguration configuration = new GongConfiguration();
        configuration.setClientId(CLIENT_ID);
        configuration.setClientSecret(CLIENT_SECRET);
        configuration.setRefreshToken(refreshToken);
        configuration.setTokenUrl(tokenUrl());
        configuration.setBaseUrl(baseUrl());
        return configuration;
    }

    /**
     * Starts a CamelContext whose gong component has the given defaults.
     */
    CamelContext startContext(GongConfiguration configuration) {
        CamelContext context = new DefaultCamelContext();
        GongComponent component = new GongComponent();
        component.setConfiguration(configuration);
        context.addComponent("gong", component);
        context.start();
        contexts.add(context);
        return context;
    }

    /**
     * Stubs one refresh: presenting {@code refreshToken} returns the given tokens.
     */
    void stubRefresh(String refreshToken, String accessToken, String newRefreshToken, long expiresIn) {
        stubRefresh(refreshToken, tokenAnswer(accessToken, newRefreshToken, expiresIn, null), 0);
    }

    void stubRefresh(String refreshToken, ObjectNode answer, int delayMillis) {
        gong.stubFor(refreshRequest(refreshToken)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(answer.toString()).withFixedDelay(delayMillis)));
    }

    MappingBuilder refreshRequest(String refreshToken) {
        return post(urlPathEqualTo(TOKEN_PATH))
                .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=" + refreshToken));
    }

    ObjectNode tokenAnswer(String accessToken, String refreshToken, long expiresIn, String baseUrl) {
        ObjectNode answer = MAPPER.createObjectNode();
        answer.put("access_token", accessToken);
        if (refreshToken != null) {
            answer.put("refresh_token", refreshToken);
        }
        answer.put("token_type", "bearer");
        answer.put("expires_in", expiresIn);
        answer.put("scope", "api:users:read api:calls:read:basic api:calls:read:extensive"
                            + " api:calls:read:transcript api:library:read api:calls:read:media-url");
        answer.put("api_base_url_for_customer", baseUrl == null ? baseUrl() : baseUrl);
        return answer;
    }

    List<LoggedRequest> tokenRequests() {
        return gong.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    /**
     * Returns the refresh tokens presented to the token endpoint, in order.
     */
    List<String> presentedRefreshTokens() {
        List<String> presented = new ArrayList<>();
        for (LoggedRequest request : tokenRequests()) {
            String body = request.getBodyAsString();
            presented.add(body.substring(body.indexOf("refresh_token=") + "refresh_token=".length()));
        }
        return presented;
    }

    /**
     * Writes a chain into a state file as an earlier run would have left it.
     */
    static void seedChain(Path stateFile, String configuredRefreshToken, TokenChain chain) {
        FileStateStore store = new FileStateStore(stateFile);
        assertThat(store.compareAndSet(OAuthSettings.storeKey(CLIENT_ID, configuredRefreshToken), null, chain))
                .isTrue();
    }

    static TokenChain chain(String origin, String refreshToken, String accessToken, Duration validFor, String baseUrl) {
        return new TokenChain(refreshToken, accessToken, Instant.now().plus(validFor), baseUrl,
                "api:users:read api:calls:read:basic api:calls:read:extensive api:calls:read:transcript",
                TokenChain.fingerprintOf(origin));
    }

    static TokenChain storedChain(Path stateFile, String configuredRefreshToken) {
        return new FileStateStore(stateFile).read(OAuthSettings.storeKey(CLIENT_ID, configuredRefreshToken));
    }

    /**
     * Returns the body of a recorded Gong response from src/test/resources/recorded, without its next-page
     * cursor.
     */
    static ObjectNode recorded(String name) {
        try (InputStream in = OAuthTestSupport.class.getResourceAsStream("/recorded/" + name)) {
            ObjectNode response = (ObjectNode) MAPPER.readTree(in).get("response");
            if (response.get("records") instanceof ObjectNode records) {
                records.remove("cursor");
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the recorded answer " + name, e);
        }
    }

    List<String> logMessages() {
        return appender.messages();
    }

    /**
     * Collects the formatted messages (and stack traces) of every log event while attached to the root logger.
     */
    static final class CapturingAppender extends AbstractAppender {
        private final List<String> messages = java.util.Collections.synchronizedList(new ArrayList<>());

        CapturingAppender() {
            super("oauth-test-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            String logger = String.valueOf(event.getLoggerName());
            if (logger.startsWith("wiremock") || logger.startsWith("com.github.tomakehurst")) {
                // WireMock reports the requests it received, tokens included: that is the test server, not us
                return;
            }
            StringBuilder text = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " "
                                                   + event.getMessage().getFormattedMessage());
            Throwable thrown = event.getThrown();
            while (thrown != null) {
                text.append(" | ").append(thrown);
                thrown = thrown.getCause();
            }
            messages.add(text.toString());
        }

        void attach() {
            start();
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            Configuration configuration = context.getConfiguration();
            configuration.getRootLogger().addAppender(this, Level.ALL, null);
            context.updateLoggers();
        }

        void detach() {
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            context.getConfiguration().getRootLogger().removeAppender(getName());
            context.updateLoggers();
            stop();
        }

        List<String> messages() {
            synchronized (messages) {
                return List.copyOf(messages);
            }
        }
    }

    static Map<String, Object> noParams() {
        return Map.of();
    }
}
