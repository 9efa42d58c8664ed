package io.camelgong.gong.auth;

import java.time.Duration;

/**
 * The OAuth options of one credential, as configured.
 *
 * @param clientId     the OAuth client id of the Gong app
 * @param clientSecret the client secret
 * @param tokenUrl     the token endpoint
 * @param refreshToken the configured refresh token, which names the chain it starts
 * @param accessToken  a configured access token, or {@code null}
 * @param refreshSkew  how long before the access token's expiry to refresh it
 */
public record OAuthSettings(
        String clientId, String clientSecret, String tokenUrl, String refreshToken, String accessToken,
        Duration refreshSkew) {

    /** The prefix of every state-store key that holds a token chain. */
    public static final String KEY_PREFIX = "gong.oauth.";

    /**
     * Returns the non-secret identity of the credential: the client id and the fingerprint of the configured refresh
     * token, e.g. {@code oauth:abc123:0f1e2d3c4b5a}. A new consent gives a new refresh token and so a new identity.
     */
    public String identity() {
        return "oauth:" + clientId + ":" + TokenChain.fingerprintOf(refreshToken);
    }

    /**
     * Returns the state-store key of the chain this credential starts, e.g. {@code gong.oauth.abc123.0f1e2d3c4b5a}.
     */
    public String storeKey() {
        return storeKey(clientId, refreshToken);
    }

    /**
     * Returns the state-store key of the chain that starts with a refresh token.
     */
    public static String storeKey(String clientId, String refreshToken) {
        return KEY_PREFIX + clientId + "." + TokenChain.fingerprintOf(refreshToken);
    }

    /**
     * Tells whether another configuration of the same identity would talk to Gong the same way.
     */
    boolean sameEndpointAs(OAuthSettings other) {
        return clientSecret.equals(other.clientSecret) && tokenUrl.equals(other.tokenUrl)
               && refreshSkew.equals(other.refreshSkew);
    }

    @Override
    public String toString() {
        return "OAuthSettings[" + identity() + ", tokenUrl=" + tokenUrl + ", refreshSkew=" + refreshSkew + "]";
    }
}
