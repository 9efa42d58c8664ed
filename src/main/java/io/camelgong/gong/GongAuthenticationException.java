package io.camelgong.gong;

import java.util.List;

/**
 * Raised when Gong rejects the credentials: a 401 that a token refresh did not cure, or a refresh token that was
 * already used or revoked. Retrying with the same credentials cannot succeed.
 */
public class GongAuthenticationException extends GongApiException {

    private static final long serialVersionUID = 1L;

    public GongAuthenticationException(
            String operation, int statusCode, String requestId, List<String> errors, String detail) {
        super(operation, statusCode, requestId, errors, detail);
    }
}
