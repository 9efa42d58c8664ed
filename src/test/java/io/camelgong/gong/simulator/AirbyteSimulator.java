package io.camelgong.gong.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock stand-in for Airbyte's connector API on a loopback port. It issues application tokens ({@code tok-1},
 * {@code tok-2}, ...) for one client id and secret, and returns 401 for requests whose token is unknown, revoked or
 * expired. It serves connector lookups, execute responses built from recorded Gong responses, context store
 * searches and the connector administration calls.
 */
public final class AirbyteSimulator implements AutoCloseable {

    public static final String CLIENT_ID = "sim-client-id";
    public static final String CLIENT_SECRET = "sim-client-secret";
    public static final String GONG_DEFINITION_ID = "32382e40-3b49-4b99-9c5c-4076501914e7";

    static final String TOKEN_PATH = "/api/v1/account/applications/token";
    static final String CONNECTORS_PATH = "/api/v1/integrations/connectors";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Tokens tokens = new Tokens();
    private final WireMockServer server;

    public AirbyteSimulator() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new TokenIssuer(tokens), new TokenCheck(tokens)));
        server.start();
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withTransformers(TokenIssuer.NAME)));
    }

    /**
     * Returns the base URL to set as airbyteApiUrl.
     */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    // Tokens

    /**
     * Sets the expires_in of tokens issued from now on, or {@code null} to leave it out of the response.
     */
    public void tokenLifetime(Duration lifetime) {
        tokens.lifetime = lifetime;
    }

    /**
     * Returns how many tokens were issued.
     */
    public int tokensIssued() {
        return tokens.issued.get();
    }

    /**
     * Makes every token issued so far invalid, as if Airbyte had revoked them.
     */
    public void revokeTokens() {
        tokens.expiry.replaceAll((token, expiry) -> Instant.EPOCH);
    }

    /**
     * Delays every token response, to let concurrent requests pile up behind one refresh.
     */
    public void tokenDelay(Duration delay) {
        tokens.delay = delay;
    }

    // Connector lookup and administration

    /**
     * Stubs the Gong connector lookup of a workspace ({@code workspace_name}) or an external user
     * ({@code external_user_id}) with connectors of the given ids.
     */
    public void givenConnectors(String ownerParameter, String owner, String... connectorIds) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (String id : connectorIds) {
            Map<String, Object> connector = new LinkedHashMap<>();
            connector.put("id", id);
            connector.put("name", "Gong " + id);
            connector.put("definition_id", GONG_DEFINITION_ID);
            data.add(connector);
        }
        server.stubFor(get(urlPathEqualTo(CONNECTORS_PATH))
                .withQueryParam(ownerParameter, equalTo(owner))
                .withQueryParam("definition_id", equalTo(GONG_DEFINITION_ID))
                .willReturn(okJson(json(Map.of("data", data)))));
    }

    /**
     * Stubs connector creation with the given id.
     */
    public void givenCreate(String connectorId) {
        server.stubFor(post(urlEqualTo(CONNECTORS_PATH))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(json(Map.of("id", connectorId, "name", "Gong")))));
    }

    /**
     * Stubs the start of the server-side OAuth flow with a consent URL.
     */
    public void givenOAuthInitiate(String consentUrl) {
        server.stubFor(post(urlEqualTo(CONNECTORS_PATH + "/oauth/initiate"))
                .willReturn(okJson(json(Map.of("consent_url", consentUrl)))));
    }

    /**
     * Stubs the deletion of a connector with 204 No Content.
     */
    public void givenDelete(String connectorId) {
        server.stubFor(delete(urlEqualTo(CONNECTORS_PATH + "/" + connectorId))
                .willReturn(aResponse().withStatus(204)));
    }

    // Execute

    /**
     * Stubs one entity/action with a hosted execute response built from a recorded Gong response: the records at
     * {@code recordsField} become {@code result} and Gong's {@code records} paging object becomes
     * {@code connector_metadata.pagination}.
     */
    public void givenGongAnswer(String connectorId, String entity, String action, JsonNode gongAnswer,
            String recordsField) {
        givenGongPages(connectorId, entity, action, List.of(gongAnswer), recordsField);
    }

    /**
     * Stubs a paged entity/action: the first page when the request has no cursor, page n+1 when it carries the
     * cursor of page n.
     */
    public void givenGongPages(String connectorId, String entity, String action, List<JsonNode> gongAnswers,
            String recordsField) {
        String cursor = null;
        for (JsonNode answer : gongAnswers) {
            ObjectNode hosted = MAPPER.createObjectNode();
            hosted.set("result", answer.get(recordsField));
            if (answer.has("records")) {
                hosted.putObject("connector_metadata").set("pagination", answer.get("records"));
            }
            stubExecute(connectorId, entity, action, cursor, okJson(hosted.toString()));
            cursor = answer.path("records").path("cursor").asText(null);
        }
    }

    /**
     * Stubs a context_store_search in pages of the given records; every page but the last has
     * {@code meta.has_more=true} and a cursor {@code search-cursor-N}.
     */
    public void givenSearchPages(String connectorId, String entity, List<List<Map<String, Object>>> pages) {
        String cursor = null;
        for (int i = 0; i < pages.size(); i++) {
            boolean last = i == pages.size() - 1;
            String next = last ? null : "search-cursor-" + (i + 1);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("has_more", !last);
            meta.put("cursor", next);
            meta.put("took_ms", 7);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("data", pages.get(i));
            result.put("meta", meta);
            stubExecute(connectorId, entity, "context_store_search", cursor, okJson(json(Map.of("result", result))));
            cursor = next;
        }
    }

    /**
     * Stubs an entity/action with an error status and body.
     */
    public void givenExecuteError(String connectorId, String entity, String action, int status, String body) {
        stubExecute(connectorId, entity, action, null, aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body));
    }

    /**
     * Stubs a call_audio or call_video download with the media bytes, honouring no Range.
     */
    public void givenDownload(String connectorId, String entity, byte[] media, String contentType) {
        stubExecute(connectorId, entity, "download", null, aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(media));
    }

    private void stubExecute(String connectorId, String entity, String action, String cursor,
            ResponseDefinitionBuilder response) {
        MappingBuilder mapping = post(urlEqualTo(executePath(connectorId)))
                .withRequestBody(matchingJsonPath("$.entity", equalTo(entity)))
                .withRequestBody(matchingJsonPath("$.action", equalTo(action)));
        if (cursor != null) {
            mapping.withRequestBody(matchingJsonPath("$.params.cursor", equalTo(cursor))).atPriority(1);
        } else {
            mapping.atPriority(10);
        }
        server.stubFor(mapping.willReturn(response));
    }

    // Requests received

    /**
     * Returns the execute requests the connector received, oldest first.
     */
    public List<LoggedRequest> executeRequests(String connectorId) {
        return server.findAll(postRequestedFor(urlEqualTo(executePath(connectorId))));
    }

    /**
     * Returns the body of a received request as JSON.
     */
    public static JsonNode body(LoggedRequest request) {
        try {
            return MAPPER.readTree(request.getBodyAsString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Request body is not JSON: " + request.getBodyAsString(), e);
        }
    }

    static String executePath(String connectorId) {
        return CONNECTORS_PATH + "/" + connectorId + "/execute";
    }

    /**
     * Reads a recorded Gong response, the {@code response} of a recording in the test resources folder
     * {@code recorded/}.
     */
    public static JsonNode recordedAnswer(String name) {
        try (InputStream in = AirbyteSimulator.class.getResourceAsStream("/recorded/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException(
                        "No recording /recorded/" + name + ".json on the test classpath");
            }
            return MAPPER.readTree(in).get("response");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * The tokens issued so far with their expiry.
     */
    private static final class Tokens {
        final AtomicInteger issued = new AtomicInteger();
        final Map<String, Instant> expiry = new ConcurrentHashMap<>();
        volatile Duration lifetime = Duration.ofMinutes(15);
        volatile Duration delay = Duration.ZERO;

        boolean isValid(String token) {
            Instant until = token == null ? null : expiry.get(token);
            return until != null && Instant.now().isBefore(until);
        }
    }

    /**
     * Issues a new token for the expected client id and secret, and returns 401 for any other.
     */
    private static final class TokenIssuer implements ResponseDefinitionTransformerV2 {
        static final String NAME = "airbyte-token-issuer";
        private final Tokens tokens;

        TokenIssuer(Tokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            JsonNode request;
            try {
                request = MAPPER.readTree(serveEvent.getRequest().getBodyAsString());
            } catch (JsonProcessingException e) {
                return error(422, "Request body is not JSON");
            }
            if (!CLIENT_ID.equals(request.path("client_id").asText())
                || !CLIENT_SECRET.equals(request.path("client_secret").asText())) {
                return error(401, "Invalid client credentials");
            }
            sleep(tokens.delay);
            String token = "tok-" + tokens.issued.incrementAndGet();
            Duration lifetime = tokens.lifetime;
            tokens.expiry.put(token, Instant.now().plus(lifetime != null ? lifetime : Duration.ofMinutes(15)));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("access_token", token);
            answer.put("token_type", "Bearer");
            if (lifetime != null) {
                answer.put("expires_in", lifetime.toSeconds());
            }
            return ResponseDefinitionBuilder.okForJson(answer).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /**
     * Returns 401 for every request except the token request whose bearer token is not a valid issued one.
     */
    private static final class TokenCheck implements ResponseDefinitionTransformerV2 {
        private final Tokens tokens;

        TokenCheck(Tokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            if (TOKEN_PATH.equals(serveEvent.getRequest().getUrl())) {
                return serveEvent.getResponseDefinition();
            }
            String authorization = serveEvent.getRequest().getHeader("Authorization");
            String token = authorization != null && authorization.startsWith("Bearer ")
                    ? authorization.substring("Bearer ".length()) : null;
            if (!tokens.isValid(token)) {
                return error(401, "Invalid or expired token");
            }
            return serveEvent.getResponseDefinition();
        }

        @Override
        public String getName() {
            return "airbyte-token-check";
        }
    }

    private static ResponseDefinition error(int status, String detail) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(json(Map.of("detail", detail))).build();
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
