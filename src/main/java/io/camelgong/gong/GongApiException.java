package io.camelgong.gong;

import java.util.List;

/**
 * Raised when Gong responds with an error status or with a body that cannot be read. Carries the HTTP status, Gong's
 * {@code requestId} and its error messages, so a route's error handler can decide what to do.
 */
public class GongApiException extends GongException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String requestId;
    private final List<String> errors;
    private final String operation;

    public GongApiException(String operation, int statusCode, String requestId, List<String> errors, String detail) {
        this(operation, statusCode, requestId, errors, detail, null);
    }

    public GongApiException(
            String operation, int statusCode, String requestId, List<String> errors, String detail, Throwable cause) {
        super(message(operation, statusCode, requestId, errors, detail), cause);
        this.statusCode = statusCode;
        this.requestId = requestId;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.operation = operation;
    }

    /**
     * Returns the HTTP status code, or 0 when no response was received.
     */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * Returns Gong's {@code requestId} of the failed response, or {@code null} when it had none.
     */
    public String getRequestId() {
        return requestId;
    }

    /**
     * Returns Gong's error messages, empty when the answer had none.
     */
    public List<String> getErrors() {
        return errors;
    }

    /**
     * Returns the entity/action that failed, e.g. {@code calls/list}.
     */
    public String getOperation() {
        return operation;
    }

    private static String message(
            String operation, int statusCode, String requestId, List<String> errors, String detail) {
        StringBuilder text = new StringBuilder("Gong ").append(operation).append(" failed");
        if (statusCode > 0) {
            text.append(" with HTTP ").append(statusCode);
        }
        if (errors != null && !errors.isEmpty()) {
            text.append(": ").append(String.join("; ", errors));
        }
        if (detail != null && !detail.isEmpty()) {
            text.append(" (").append(detail).append(')');
        }
        if (requestId != null) {
            text.append(" [requestId ").append(requestId).append(']');
        }
        return text.toString();
    }
}
