package io.camelgong.gong.auth;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelgong.gong.GongException;

/**
 * The newest link of an OAuth refresh-token chain: the refresh token to present next, the access token it last
 * produced, and the expiry, scopes and host that Gong sent with them. Gong refresh tokens are single use, so only the
 * holder of this value can extend the chain.
 *
 * @param refreshToken the refresh token to present on the next refresh; never {@code null}
 * @param accessToken  the current access token, or {@code null} when none was issued yet
 * @param expiresAt    when the access token expires, or {@code null} when unknown (then only a 401 triggers a refresh)
 * @param baseUrl      Gong's {@code api_base_url_for_customer}, or {@code null} when no token response named one
 * @param scope        the granted scopes separated by spaces, or {@code null} when unknown
 * @param origin       the fingerprint of the configured refresh token this chain started from
 */
public record TokenChain(
        String refreshToken, String accessToken, Instant expiresAt, String baseUrl, String scope, String origin) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {
    };

    /**
     * Returns the chain that a configured refresh token (and optional access token) starts.
     */
    public static TokenChain configured(String refreshToken, String accessToken) {
        return new TokenChain(refreshToken, accessToken, null, null, null, fingerprintOf(refreshToken));
    }

    /**
     * Returns the fingerprint that names a configured refresh token in state-store keys and in {@link #origin()}.
     */
    public static String fingerprintOf(String refreshToken) {
        return AccessKeyCredentials.fingerprint(refreshToken);
    }

    /**
     * Tells whether the access token can still be sent at {@code now}, leaving {@code skew} before its expiry.
     */
    public boolean usableAt(Instant now, Duration skew) {
        return accessToken != null && (expiresAt == null || now.plus(skew).isBefore(expiresAt));
    }

    /**
     * Returns the chain as the JSON text kept in a state store.
     */
    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("refreshToken", refreshToken);
        fields.put("accessToken", accessToken);
        fields.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        fields.put("baseUrl", baseUrl);
        fields.put("scope", scope);
        fields.put("origin", origin);
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (IOException e) {
            throw new GongException("Cannot write the OAuth token chain as JSON", e);
        }
    }

    /**
     * Reads a chain written by {@link #toJson()}; returns {@code null} for {@code null}.
     *
     * @throws GongException when the text is not a token chain; the message never contains the text, which may hold
     *                       tokens
     */
    public static TokenChain fromJson(String json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> fields;
        try {
            fields = MAPPER.readValue(json, MAP_TYPE);
        } catch (IOException e) {
            throw new GongException(
                    "The stored OAuth token chain is not valid JSON (" + json.length() + " characters)");
        }
        Object refresh = fields.get("refreshToken");
        if (!(refresh instanceof String)) {
            throw new GongException("The stored OAuth token chain has no refreshToken");
        }
        Object expiresAt = fields.get("expiresAt");
        return new TokenChain((String) refresh, text(fields.get("accessToken")),
                expiresAt == null ? null : Instant.parse(expiresAt.toString()), text(fields.get("baseUrl")),
                text(fields.get("scope")), text(fields.get("origin")));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        return "TokenChain[refreshToken=" + (refreshToken == null ? "null" : "****")
               + ", accessToken=" + (accessToken == null ? "null" : "****")
               + ", expiresAt=" + expiresAt + ", baseUrl=" + baseUrl + ", scope=" + scope + ", origin=" + origin + "]";
    }
}
