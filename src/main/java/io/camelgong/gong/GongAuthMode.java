package io.camelgong.gong;

/**
 * How the component authenticates to Gong.
 */
public enum GongAuthMode {
    /** HTTP Basic with an access key and secret that a Gong admin created. */
    accessKey,
    /** OAuth 2 bearer tokens from a Gong app, renewed with single-use refresh tokens. */
    oauth
}
