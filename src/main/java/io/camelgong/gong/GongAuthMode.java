package io.camelgong.gong;

/**
 * How the component authenticates to Gong.
 */
public enum GongAuthMode {
    /** HTTP Basic with an access key and secret that a Gong admin created. */
    accessKey
}
