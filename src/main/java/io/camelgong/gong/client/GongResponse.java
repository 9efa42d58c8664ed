package io.camelgong.gong.client;

/**
 * A Gong HTTP answer read into memory.
 *
 * @param statusCode the HTTP status
 * @param retryAfter the {@code Retry-After} header, or {@code null}
 * @param body       the body bytes, empty when there was none
 */
public record GongResponse(int statusCode, String retryAfter, byte[] body) {
}
