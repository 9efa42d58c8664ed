package io.camelgong.gong.hosted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongAuthenticationException;
import io.camelgong.gong.client.GongHttpClient;

/**
 * Sends requests to Airbyte's connector API with an application token, and maps its errors to the component's
 * exceptions. A 401 renews the token once and replays the request once; a second 401, or a token request that
 * Airbyte rejects, raises {@link GongAuthenticationException}.
 */
public final class AirbyteApi {

    private static final Logger LOG = LoggerFactory.getLogger(AirbyteApi.class);

    static final String TOKEN_PATH = "/api/v1/account/applications/token";
    static final String CONNECTORS_PATH = "/api/v1/integrations/connectors";
    static final String ORGANIZATION_HEADER = "X-Organization-Id";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {
    };
    private static final int EXCERPT_LENGTH = 200;

    private final GongHttpClient httpClient;
    private final AirbyteTokenCache tokens;
    private final HostedSettings settings;

    public AirbyteApi(GongHttpClient httpClient, AirbyteTokenCache tokens, HostedSettings settings) {
        this.httpClient = httpClient;
        this.tokens = tokens;
        this.settings = settings;
    }

    /**
     * Sends a GET and returns the JSON object of the response.
     *
     * @param operation the entity/action the request serves, for error messages
     */
    public Map<String, Object> getJson(String operation, String pathAndQuery) {
        return readJson(operation, authorized(operation, () -> new HttpGet(settings.apiUrl() + pathAndQuery)));
    }

    /**
     * Sends a POST with a JSON body and returns the JSON object of the response.
     */
    public Map<String, Object> postJson(String operation, String path, Object body) {
        return readJson(operation, authorized(operation, () -> jsonPost(path, body)));
    }

    /**
     * Sends a DELETE and returns the JSON object of the response, empty when the response has no body.
     */
    public Map<String, Object> delete(String operation, String path) {
        return readJson(operation, authorized(operation, () -> new HttpDelete(settings.apiUrl() + path)));
    }

    /**
     * Sends a POST with a JSON body and returns the open successful response, for responses that are streamed. The
     * caller must close it.
     *
     * @throws GongApiException when Airbyte responds with an error status
     */
    public ClassicHttpResponse postForStream(String operation, String path, Object body) {
        ClassicHttpResponse response = authorized(operation, () -> jsonPost(path, body));
        if (response.getCode() >= 200 && response.getCode() < 300) {
            return response;
        }
        throw error(operation, response.getCode(), readAndClose(operation, response));
    }

    /**
     * Returns the settings this client sends requests for.
     */
    public HostedSettings settings() {
        return settings;
    }

    private HttpPost jsonPost(String path, Object body) {
        HttpPost post = new HttpPost(settings.apiUrl() + path);
        post.setEntity(new ByteArrayEntity(json(body), ContentType.APPLICATION_JSON));
        return post;
    }

    private ClassicHttpResponse authorized(String operation, Supplier<HttpUriRequestBase> requestFactory) {
        String token = tokens.token(() -> fetchToken(operation));
        ClassicHttpResponse response = send(operation, withHeaders(requestFactory.get(), token));
        if (response.getCode() != 401) {
            return response;
        }
        readAndClose(operation, response);
        LOG.debug("Airbyte responded 401 to {}; renewing the application token and replaying once", operation);
        token = tokens.renewAfterUnauthorized(token, () -> fetchToken(operation));
        response = send(operation, withHeaders(requestFactory.get(), token));
        if (response.getCode() == 401) {
            byte[] body = readAndClose(operation, response);
            throw new GongAuthenticationException(operation, 401, null, errors(parseOrNull(body)),
                    "Airbyte rejected a freshly issued application token for " + settings.identity()
                                                                               + "; check that the application may use"
                                                                               + " the connector and organizationId");
        }
        return response;
    }

    private HttpUriRequestBase withHeaders(HttpUriRequestBase request, String token) {
        if (token != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (settings.organizationId() != null) {
            request.setHeader(ORGANIZATION_HEADER, settings.organizationId());
        }
        return request;
    }

    /**
     * Sends one request to Airbyte and returns the open response. Every Airbyte request of the component goes
     * through this method.
     */
    // TODO: wrap this call with the rate limiter and retry policy that GongApi gets, so that 429 and 5xx responses
    // from Airbyte are retried the same way; until then every failure reaches the route at once.
    private ClassicHttpResponse send(String operation, HttpUriRequestBase request) {
        try {
            ClassicHttpResponse response = httpClient.open(request);
            LOG.debug("Airbyte {} {} for {} returned {}", request.getMethod(), request.getPath(), operation,
                    response.getCode());
            return response;
        } catch (IOException e) {
            throw new GongApiException(operation, 0, null, List.of(),
                    "no response from Airbyte at " + settings.apiUrl() + ": " + e, e);
        }
    }

    private AirbyteToken fetchToken(String operation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", settings.clientId());
        body.put("client_secret", settings.clientSecret());
        ClassicHttpResponse response = send(operation, withHeaders(jsonPost(TOKEN_PATH, body), null));
        int status = response.getCode();
        byte[] answer = readAndClose(operation, response);
        if (status == 400 || status == 401 || status == 403) {
            throw new GongAuthenticationException(operation, status, null, errors(parseOrNull(answer)),
                    "Airbyte rejected the client credentials " + settings.identity()
                                                                                      + "; check airbyteClientId and"
                                                                                      + " airbyteClientSecret");
        }
        if (status < 200 || status >= 300) {
            throw error(operation, status, answer);
        }
        Map<String, Object> token = parseOrNull(answer);
        Object accessToken = token == null ? null : token.get("access_token");
        if (!(accessToken instanceof String text) || text.isEmpty()) {
            // The body is not shown: it may hold a token under another name.
            throw new GongApiException(operation, status, null, List.of(),
                    "the Airbyte token response has no access_token");
        }
        Duration expiresIn = token.get("expires_in") instanceof Number seconds && seconds.longValue() > 0
                ? Duration.ofSeconds(seconds.longValue()) : null;
        return new AirbyteToken(text, expiresIn);
    }

    private Map<String, Object> readJson(String operation, ClassicHttpResponse response) {
        int status = response.getCode();
        byte[] body = readAndClose(operation, response);
        if (status < 200 || status >= 300) {
            throw error(operation, status, body);
        }
        if (body.length == 0) {
            return new LinkedHashMap<>();
        }
        try {
            return MAPPER.readValue(body, MAP_TYPE);
        } catch (IOException e) {
            throw new GongApiException(operation, status, null, List.of(),
                    "Airbyte response is not a JSON object: " + excerpt(body), e);
        }
    }

    private static byte[] readAndClose(String operation, ClassicHttpResponse response) {
        try (response) {
            return response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        } catch (IOException e) {
            throw new GongApiException(operation, response.getCode(), null, List.of(),
                    "cannot read the Airbyte response: " + e, e);
        }
    }

    /**
     * Returns the exception for an error response of Airbyte: {@link GongApiException} with the HTTP status and the
     * messages found in {@code detail}, {@code message}, {@code error} or {@code errors}.
     */
    static GongApiException error(String operation, int status, byte[] body) {
        Map<String, Object> answer = parseOrNull(body);
        List<String> errors = errors(answer);
        String detail = answer == null || errors.isEmpty()
                ? "Airbyte connector API, body: " + excerpt(body) : "Airbyte connector API";
        return new GongApiException(operation, status, null, errors, detail);
    }

    private static Map<String, Object> parseOrNull(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readValue(body, MAP_TYPE);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> errors(Map<String, Object> answer) {
        List<String> errors = new ArrayList<>();
        if (answer == null) {
            return errors;
        }
        for (String field : List.of("detail", "message", "error", "errors")) {
            addMessages(answer.get(field), errors);
        }
        return errors;
    }

    private static void addMessages(Object value, List<String> errors) {
        if (value instanceof String text && !text.isBlank()) {
            errors.add(text);
        } else if (value instanceof List<?> list) {
            list.forEach(item -> addMessages(item, errors));
        } else if (value instanceof Map<?, ?> map) {
            // FastAPI validation items carry "msg"; other services nest a "message".
            Object message = map.get("msg") != null ? map.get("msg") : map.get("message");
            if (message != null) {
                Object location = map.get("loc");
                errors.add(location != null ? location + ": " + message : String.valueOf(message));
            }
        }
    }

    static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the Airbyte request body as JSON: " + e.getMessage(), e);
        }
    }

    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty)";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT_LENGTH * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) + "..." : text;
    }
}
