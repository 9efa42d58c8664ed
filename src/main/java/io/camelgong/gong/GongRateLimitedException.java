package io.camelgong.gong;

import java.time.Duration;
import java.util.List;

/**
 * Raised when Gong responds 429 Too Many Requests and the component has waited as long as maxRateLimitWait allows.
 * Gong's limits (3 requests per second, 10,000 per day) count per company, across every integration it runs.
 */
public class GongRateLimitedException extends GongApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public GongRateLimitedException(
            String operation, String requestId, List<String> errors, Duration retryAfter, String detail) {
        super(operation, 429, requestId, errors, detail);
        this.retryAfter = retryAfter;
    }

    /**
     * Returns the wait that Gong's {@code Retry-After} header requested, or {@code null} when the response had none.
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
