package io.camelgong.gong.client;

/**
 * A Gong HTTP response: the page parsed from the stream for a 2xx status, or the start of the body for any other.
 *
 * @param statusCode the HTTP status
 * @param retryAfter the {@code Retry-After} header, or {@code null}
 * @param body       the body bytes, at most {@link GongApi#MAX_ERROR_BODY} of them; empty when there was none or
 *                   when the body was parsed into {@code page}
 * @param page       the page read from a 2xx body, or {@code null}
 */
public record GongResponse(int statusCode, String retryAfter, byte[] body, GongPage page) {

    /**
     * Creates a response whose body was kept as bytes.
     */
    public GongResponse(int statusCode, String retryAfter, byte[] body) {
        this(statusCode, retryAfter, body, null);
    }
}
