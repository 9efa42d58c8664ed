package io.camelgong.gong.hosted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongAuthenticationException;
import io.camelgong.gong.GongRateLimitedException;
import io.camelgong.gong.client.GongHttpClient;
import io.camelgong.gong.client.GongRetryPolicy;
import io.camelgong.gong.client.RetryAfter;

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
    private final GongRetryPolicy retryPolicy;

    public AirbyteApi(GongHttpClient httpClient, AirbyteTokenCache tokens, HostedSettings settings) {
        this(httpClient, tokens, settings, GongRetryPolicy.none());
    }

    /**
     * Creates a client whose requests pass a retry policy: 429 waits for Retry-After, and 5xx, 408 and network
     * failures are retried, but requests that change connectors only when they certainly never left.
     */
    public AirbyteApi(
            GongHttpClient httpClient, AirbyteTokenCache tokens, HostedSettings settings, GongRetryPolicy retryPolicy) {
        this.httpClient = httpClient;
        this.tokens = tokens;
        this.settings = settings;
        this.retryPolicy = retryPolicy;
    }

    /**
     * Sends a GET and returns the JSON object of the response.
     *
     * @param operation the entity/action the request serves, for error messages
     */
    public Map<String, Object> getJson(String operation, String pathAndQuery) {
        return readJson(operation, authorized(operation, true, () -> new HttpGet(settings.apiUrl() + pathAndQuery)));
    }

    /**
     * Sends a POST with a JSON body that only reads, such as an execute of a catalog operation, and returns the JSON
     * object of the response.
     */
    public Map<String, Object> postJson(String operation, String path, Object body) {
        return readJson(operation, authorized(operation, true, () -> jsonPost(path, body)));
    }

    /**
     * Sends a POST with a JSON body that changes something at Airbyte, such as creating a connector, and returns the
     * JSON object of the response. It is not sent again after a failure that may have reached Airbyte.
     */
    public Map<String, Object> postJsonChange(String operation, String path, Object body) {
        return readJson(operation, authorized(operation, false, () -> jsonPost(path, body)));
    }

    /**
     * Sends a DELETE and returns the JSON object of the response, empty when the response has no body.
     */
    public Map<String, Object> delete(String operation, String path) {
        return readJson(operation, authorized(operation, false, () -> new HttpDelete(settings.apiUrl() + path)));
    }

    /**
     * Sends a POST with a JSON body and returns the open successful response, for responses that are streamed. The
     * caller must close it.
     *
     * @throws GongApiException when Airbyte responds with an error status
     */
    public ClassicHttpResponse postForStream(String operation, String path, Object body) {
        ClassicHttpResponse response = authorized(operation, true, () -> jsonPost(path, body));
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

    private ClassicHttpResponse authorized(
            String operation, boolean idempotent, Supplier<HttpUriRequestBase> requestFactory) {
        String token = tokens.token(() -> fetchToken(operation));
        String firstToken = token;
        ClassicHttpResponse response = send(operation, idempotent, () -> withHeaders(requestFactory.get(), firstToken));
        if (response.getCode() != 401) {
            return response;
        }
        readAndClose(operation, response);
        LOG.debug("Airbyte responded 401 to {}; renewing the application token and replaying once", operation);
        String renewedToken = tokens.renewAfterUnauthorized(token, () -> fetchToken(operation));
        response = send(operation, idempotent, () -> withHeaders(requestFactory.get(), renewedToken));
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
     * Sends a request to Airbyte under the retry policy and returns the open response. Every Airbyte request of the
     * component goes through this method. A 429, a 408 or a 5xx response is read, closed and raised inside the
     * policy, so it is waited for or retried; the caller handles every other status.
     */
    private ClassicHttpResponse send(String operation, boolean idempotent, Supplier<HttpUriRequestBase> request) {
        return retryPolicy.execute(operation, idempotent, () -> sendOnce(operation, request.get()));
    }

    private ClassicHttpResponse sendOnce(String operation, HttpUriRequestBase request) {
        ClassicHttpResponse response;
        try {
            response = httpClient.open(request);
        } catch (IOException e) {
            throw new GongApiException(operation, 0, null, List.of(),
                    "no response from Airbyte at " + settings.apiUrl() + ": " + e, e);
        }
        int status = response.getCode();
        LOG.debug("Airbyte {} {} for {} returned {}", request.getMethod(), request.getPath(), operation, status);
        if (status == 429) {
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            byte[] body = readAndClose(operation, response);
            throw new GongRateLimitedException(operation, null, errors(parseOrNull(body)),
                    RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), Clock.systemUTC()),
                    "Airbyte connector API rate limit");
        }
        if (status == 408 || status >= 500 && status != 501 && status != 505) {
            throw error(operation, status, readAndClose(operation, response));
        }
        return response;
    }

    private AirbyteToken fetchToken(String operation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", settings.clientId());
        body.put("client_secret", settings.clientSecret());
        ClassicHttpResponse response = send(operation, true, () -> withHeaders(jsonPost(TOKEN_PATH, body), null));
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
