package io.camelgong.gong.simulator;

/**
 * Error that an endpoint of the simulator raises to respond with Gong's error body
 * {@code {"requestId": "...", "errors": ["message"]}} and the given HTTP status.
 */
final class GongApiException extends RuntimeException {

    private final int status;

    GongApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    static GongApiException badRequest(String message) {
        return new GongApiException(400, message);
    }

    static GongApiException notFound(String message) {
        return new GongApiException(404, message);
    }

    int status() {
        return status;
    }
}
