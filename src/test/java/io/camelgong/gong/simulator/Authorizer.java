package io.camelgong.gong.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the {@code Authorization} header of a {@code /v2} request: HTTP Basic with the simulator's access key
 * and secret, or a Bearer token that a test accepted before. Every failure is status 401.
 */
final class Authorizer {

    /** Gong's 401 text for a Bearer token it does not accept; clients treat it as permanent. */
    static final String REVOKED_TOKEN = "access token has been revoked";

    private final String expectedBasic;
    private final Set<String> bearerTokens = ConcurrentHashMap.newKeySet();

    Authorizer(String accessKey, String accessKeySecret) {
        this.expectedBasic = basicHeader(accessKey, accessKeySecret);
    }

    static String basicHeader(String user, String password) {
        String credentials = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    void acceptBearerToken(String token) {
        bearerTokens.add(token);
    }

    void revokeBearerToken(String token) {
        bearerTokens.remove(token);
    }

    void check(String header) {
        if (header == null || header.isBlank()) {
            throw unauthorized("Access denied: the request has no Authorization header. Send HTTP Basic "
                    + "credentials of an access key and its secret, or a Bearer access token.");
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (!expectedBasic.equals("Basic " + header.substring(6).trim())) {
                throw unauthorized("Access denied: the access key or its secret is not valid");
            }
            return;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (!bearerTokens.contains(header.substring(7).trim())) {
                throw unauthorized(REVOKED_TOKEN);
            }
            return;
        }
        throw unauthorized("Access denied: the Authorization scheme must be Basic or Bearer");
    }

    private static GongApiException unauthorized(String message) {
        return new GongApiException(401, message);
    }
}
