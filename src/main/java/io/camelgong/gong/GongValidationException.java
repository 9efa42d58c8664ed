package io.camelgong.gong;

/**
 * Thrown before any request is sent when an endpoint option, a parameter or an option combination is invalid. The
 * message names the value, what was expected and what to change.
 */
public class GongValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public GongValidationException(String message) {
        super(message);
    }
}
