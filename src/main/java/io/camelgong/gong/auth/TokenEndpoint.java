package io.camelgong.gong.auth;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

import io.camelgong.gong.client.GongHttpClient;

/**
 * Gong's OAuth token endpoint: exchanges an authorization code or a refresh token for tokens. The client id and
 * secret go in HTTP Basic, the grant in a form body. Sends each request once: a refresh token may be spent even when
 * the response is lost, so retrying is the caller's decision.
 */
public final class TokenEndpoint {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {
    };

    private final GongHttpClient httpClient;
    private final String tokenUrl;
    private final String basicAuthorization;

    public TokenEndpoint(GongHttpClient httpClient, String tokenUrl, String clientId, String clientSecret) {
        this.httpClient = httpClient;
        this.tokenUrl = tokenUrl;
        String pair = clientId + ":" + clientSecret;
        this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Presents a refresh token.
     */
    public Result refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return post(form);
    }

    /**
     * Exchanges the code of Gong's consent redirect.
     */
    public Result exchangeCode(String code, String clientId, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", clientId);
        form.put("redirect_uri", redirectUri);
        return post(form);
    }

    public String tokenUrl() {
        return tokenUrl;
    }

    private Result post(Map<String, String> form) {
        HttpPost post = new HttpPost(tokenUrl);
        post.setHeader(HttpHeaders.AUTHORIZATION, basicAuthorization);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setEntity(new StringEntity(formBody(form), ContentType.APPLICATION_FORM_URLENCODED));
        try {
            return httpClient.execute(post, response -> {
                byte[] body = response.getEntity() == null
                        ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                return read(response.getCode(), body);
            });
        } catch (IOException e) {
            return new Result(Outcome.NO_ANSWER, 0, null, null, e.toString());
        }
    }

    private static Result read(int status, byte[] body) {
        Map<String, Object> response = parse(body);
        if (status == 200 && response != null && response.get("access_token") instanceof String) {
            return new Result(Outcome.TOKENS, status, Tokens.of(response), null, null);
        }
        String error = response == null ? null : text(response.get("error"));
        String description = describe(response);
        if ("invalid_grant".equals(error)) {
            return new Result(Outcome.INVALID_GRANT, status, null, error, description);
        }
        if (status == 401 || "invalid_client".equals(error) || "unauthorized_client".equals(error)) {
            return new Result(Outcome.CLIENT_REJECTED, status, null, error, description);
        }
        if (status >= 400 && status < 500) {
            return new Result(Outcome.REJECTED, status, null, error, description);
        }
        // A 2xx without tokens, a 5xx or an unreadable body: Gong may or may not have spent the token.
        return new Result(Outcome.NO_ANSWER, status, null, error,
                response == null ? "unreadable response of " + body.length + " bytes" : description);
    }

    private static Map<String, Object> parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readValue(body, MAP_TYPE);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Returns the error fields of an response for messages; never the tokens, which an error response should not carry
     * but a malformed one might.
     */
    private static String describe(Map<String, Object> response) {
        if (response == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("error", "error_description", "message", "errors")) {
            if (response.get(field) != null) {
                parts.add(field + "=" + response.get(field));
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String formBody(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> entry : form.entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * The outcome of a token request.
     */
    public enum Outcome {
        /** Gong issued tokens. */
        TOKENS,
        /** The refresh token or code was already used, expired or revoked. */
        INVALID_GRANT,
        /** Gong rejected the client id or secret. */
        CLIENT_REJECTED,
        /** Gong rejected the request for another reason; the grant was not used. */
        REJECTED,
        /** No response, a server error or an unreadable response: the grant may or may not be spent. */
        NO_ANSWER
    }

    /**
     * The response to one token request.
     *
     * @param outcome     what the request came to
     * @param statusCode  the HTTP status, or 0 without an response
     * @param tokens      the tokens when {@code outcome} is {@link Outcome#TOKENS}
     * @param error       the OAuth {@code error} code of an error response, or {@code null}
     * @param description what went wrong, without any token, or {@code null}
     */
    public record Result(Outcome outcome, int statusCode, Tokens tokens, String error, String description) {
    }

    /**
     * The fields of a token response; absent ones are {@code null}.
     *
     * @param accessToken  {@code access_token}
     * @param refreshToken {@code refresh_token}
     * @param expiresIn    {@code expires_in}, in seconds
     * @param scope        {@code scope}, the granted scopes separated by spaces
     * @param baseUrl      {@code api_base_url_for_customer}
     */
    public record Tokens(String accessToken, String refreshToken, Long expiresIn, String scope, String baseUrl) {

        static Tokens of(Map<String, Object> response) {
            Object expiresIn = response.get("expires_in");
            Long seconds = null;
            if (expiresIn instanceof Number number) {
                seconds = number.longValue();
            } else if (expiresIn instanceof String string && string.matches("\\d+")) {
                seconds = Long.parseLong(string);
            }
            return new Tokens(text(response.get("access_token")), text(response.get("refresh_token")), seconds,
                    text(response.get("scope")), text(response.get("api_base_url_for_customer")));
        }

        @Override
        public String toString() {
            return "Tokens[accessToken=****, refreshToken=" + (refreshToken == null ? "null" : "****")
                   + ", expiresIn=" + expiresIn + ", scope=" + scope + ", baseUrl=" + baseUrl + "]";
        }
    }
}
