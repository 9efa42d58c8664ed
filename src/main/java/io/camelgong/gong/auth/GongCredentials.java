package io.camelgong.gong.auth;

import java.util.Optional;

import io.camelgong.gong.GongAuthenticationException;

/**
 * Supplies the {@code Authorization} header and the base URL for Gong API requests.
 */
public interface GongCredentials {

    /**
     * Returns the {@code Authorization} header value for the next request, refreshing a token first when needed.
     */
    String authorization();

    /**
     * Returns the base URL that API requests go to, without a trailing slash, e.g. {@code https://api.gong.io}.
     */
    String baseUrl();

    /**
     * Called after Gong responded 401 to a request that carried {@code rejectedAuthorization}. Returns {@code true}
     * when a different credential is now current, so the request may be replayed once with it.
     */
    default boolean renewAfterUnauthorized(String rejectedAuthorization) {
        return false;
    }

    /**
     * Returns a stable, non-secret identity of the credential, used to share rate limiters and token refreshes.
     */
    String identity();

    /**
     * Returns a non-secret identity of the Gong company these credentials read, stable across a new OAuth consent, so
     * state that belongs to the company (a consumer's watermark) survives a new refresh token. It may send a request
     * to learn it: for OAuth it names the customer's API host, known once an access token exists.
     */
    default String tenantIdentity() {
        return identity();
    }

    /**
     * Returns why these credentials can no longer work until a person acts (for OAuth, a refresh token that Gong
     * rejected with invalid_grant), or empty while they may work. A polling consumer checks it to stop polling.
     */
    default Optional<GongAuthenticationException> permanentFailure() {
        return Optional.empty();
    }
}
