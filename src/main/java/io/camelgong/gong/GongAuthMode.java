package io.camelgong.gong;

/**
 * How the component authenticates to Gong.
 */
public enum GongAuthMode {
    /** HTTP Basic with an access key and secret that a Gong admin created. */
    accessKey,
    /** OAuth 2 bearer tokens from a Gong app, renewed with single-use refresh tokens. */
    oauth,
    /**
     * Hosted execution: every operation goes through Airbyte's connector API, which keeps the Gong credentials.
     * Needs the Airbyte client id and secret and one way to find the connector.
     */
    hosted
}
