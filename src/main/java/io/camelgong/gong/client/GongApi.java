package io.camelgong.gong.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongAuthenticationException;
import io.camelgong.gong.GongCursorExpiredException;
import io.camelgong.gong.GongRateLimitedException;
import io.camelgong.gong.auth.GongCredentials;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongRequest;

/**
 * Sends catalog requests straight to the Gong API over HTTP and reads the responses into pages.
 */
public final class GongApi implements PageFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(GongApi.class);

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {
    };
    private static final int EXCERPT_LENGTH = 200;
    /** Bytes kept of a non-2xx body; Gong's error responses are far smaller. */
    static final int MAX_ERROR_BODY = 64 * 1024;
    // Gong's 404 texts for an empty match, e.g. "No calls found corresponding to the provided filters".
    private static final Pattern NO_RECORDS = Pattern.compile("(?i)\\bno\\b.*\\bfound\\b");
    // Gong's 4xx text for a paging cursor that outlived its hour, e.g. "cursor has expired".
    private static final Pattern CURSOR_EXPIRED = Pattern.compile("(?i)cursor\\s+(has\\s+)?expired");

    private final GongHttpClient httpClient;
    private final GongCredentials credentials;
    private final GongRetryPolicy retryPolicy;
    private final GongCallStatus callStatus;

    /**
     * Creates a client that sends each request once, without a rate limiter.
     */
    public GongApi(GongHttpClient httpClient, GongCredentials credentials) {
        this(httpClient, credentials, GongRetryPolicy.none(), new GongCallStatus());
    }

    /**
     * Creates a client whose requests pass the retry policy and its rate limiter, and whose outcomes go to a status
     * that health checks read.
     */
    public GongApi(
            GongHttpClient httpClient, GongCredentials credentials, GongRetryPolicy retryPolicy,
            GongCallStatus callStatus) {
        this.httpClient = httpClient;
        this.credentials = credentials;
        this.retryPolicy = retryPolicy;
        this.callStatus = callStatus;
    }

    @Override
    public GongPage fetch(GongRequest request) {
        try {
            GongPage page = retryPolicy.execute(request.operation(), deadline -> fetchOnce(request, deadline));
            callStatus.recordSuccess();
            return page;
        } catch (GongApiException e) {
            callStatus.recordFailure(e);
            throw e;
        }
    }

    private GongPage fetchOnce(GongRequest request, RequestDeadline deadline) {
        GongOperation operation = request.operation();
        String authorization = credentials.authorization();
        GongResponse response = send(request, authorization, deadline);
        if (response.statusCode() == 401 && credentials.renewAfterUnauthorized(authorization)) {
            LOG.debug("Gong {} answered 401; replaying once with renewed credentials", operation.name());
            response = send(request, credentials.authorization(), deadline);
        }
        return toPage(operation, response);
    }

    private GongResponse send(GongRequest request, String authorization, RequestDeadline deadline) {
        GongOperation operation = request.operation();
        HttpUriRequestBase httpRequest = "POST".equals(operation.httpMethod())
                ? new HttpPost(credentials.baseUrl() + request.pathAndQuery())
                : new HttpGet(credentials.baseUrl() + request.pathAndQuery());
        httpRequest.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        httpRequest.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (request.body() != null) {
            httpRequest.setEntity(new ByteArrayEntity(json(request.body()), ContentType.APPLICATION_JSON));
        }
        GongRateLimiter limiter = retryPolicy.rateLimiter();
        HttpClientResponseHandler<GongResponse> handler = httpResponse -> read(operation, httpResponse);
        while (true) {
            if (limiter != null) {
                limiter.acquire(operation.name(), deadline);
            }
            try {
                GongResponse response = limiter != null ? httpClient.execute(httpRequest, limiter, handler)
                        : httpClient.execute(httpRequest, handler);
                LOG.debug("Gong {} {} {} answered {}", operation.name(), operation.httpMethod(), request.path(),
                        response.statusCode());
                return response;
            } catch (GongHttpClient.TenantPausedException e) {
                // Not sent: acquiring again waits for the pause, or fails when it ends after the deadline.
                LOG.debug("Gong {} was held back by a 429 of another request before it was sent", operation.name());
            } catch (IOException e) {
                throw new GongApiException(operation.name(), 0, null, List.of(),
                        "no answer from " + credentials.baseUrl() + ": " + e, e);
            }
        }
    }

    /**
     * Reads a response: a 2xx body is parsed into a page as it streams in; of any other body only the first
     * {@link #MAX_ERROR_BODY} bytes are kept, enough for Gong's error JSON.
     */
    private static GongResponse read(GongOperation operation, ClassicHttpResponse httpResponse) throws IOException {
        int status = httpResponse.getCode();
        Header retryAfterHeader = httpResponse.getFirstHeader(HttpHeaders.RETRY_AFTER);
        String retryAfter = retryAfterHeader == null ? null : retryAfterHeader.getValue();
        HttpEntity entity = httpResponse.getEntity();
        try (InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
            if (status >= 200 && status < 300) {
                return new GongResponse(status, retryAfter, new byte[0], PageReader.read(operation, status, content));
            }
            return new GongResponse(status, retryAfter, content.readNBytes(MAX_ERROR_BODY));
        }
    }

    private GongPage toPage(GongOperation operation, GongResponse response) {
        if (response.page() != null) {
            return response.page();
        }
        int status = response.statusCode();
        Map<String, Object> answer = parseError(response);
        String requestId = answer == null ? null : asString(answer.get("requestId"));
        List<String> errors = answer == null ? List.of() : errors(answer.get("errors"));
        if (status == 404 && operation.emptyOnNotFound() && errors.stream().anyMatch(e -> NO_RECORDS.matcher(e).find())) {
            LOG.debug("Gong {} found no records [requestId {}]", operation.name(), requestId);
            return GongPage.empty(requestId);
        }
        String detail = answer == null ? "body: " + excerpt(response.body()) : null;
        throw error(operation, response, requestId, errors, detail);
    }

    /**
     * Returns the exception for an error status; its type decides whether the retry policy retries.
     */
    private static GongApiException error(
            GongOperation operation, GongResponse response, String requestId, List<String> errors, String detail) {
        int status = response.statusCode();
        if (status == 429) {
            return new GongRateLimitedException(operation.name(), requestId, errors,
                    RetryAfter.parse(response.retryAfter(), Clock.systemUTC()),
                    detail != null ? detail : "Gong allows 3 requests per second and 10,000 per day per company");
        }
        if (status >= 400 && status < 500 && isCursorExpired(errors, response)) {
            return new GongCursorExpiredException(operation.name(), status, requestId, errors);
        }
        if (status == 401) {
            return new GongAuthenticationException(operation.name(), status, requestId, errors,
                    detail != null ? detail : "check the credentials and their scopes");
        }
        if (status == 403 && detail == null && operation.scope() != null) {
            return new GongApiException(operation.name(), status, requestId, errors,
                    "check that the credentials may use " + operation.name() + "; with OAuth it needs the scope "
                                                                                    + operation.scope());
        }
        return new GongApiException(operation.name(), status, requestId, errors, detail);
    }

    private static boolean isCursorExpired(List<String> errors, GongResponse response) {
        if (errors.stream().anyMatch(error -> CURSOR_EXPIRED.matcher(error).find())) {
            return true;
        }
        return errors.isEmpty() && CURSOR_EXPIRED.matcher(excerpt(response.body())).find();
    }

    /**
     * Parses the kept start of an error body, or returns {@code null} when it is empty, truncated or not JSON.
     */
    private static Map<String, Object> parseError(GongResponse response) {
        if (response.body().length == 0) {
            return null;
        }
        try {
            return MAPPER.readValue(response.body(), MAP_TYPE);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> errors(Object value) {
        List<String> errors = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> errors.add(String.valueOf(item)));
        } else if (value != null) {
            errors.add(String.valueOf(value));
        }
        return errors;
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }

    static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the Gong request body as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the start of a body as text for error messages.
     */
    static String excerpt(byte[] body) {
        if (body.length == 0) {
            return "(empty)";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT_LENGTH * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) + "..." : text;
    }
}
