package io.camelgong.gong;

import java.util.List;

/**
 * Raised when Gong rejects a paging cursor because it expired. Gong signs cursors to expire about an hour after the
 * first request of a sequence. A whole read and the polling consumer then read the window again from its first
 * page; pagination=streaming and a caller's own cursor raise this exception instead.
 */
public class GongCursorExpiredException extends GongApiException {

    private static final long serialVersionUID = 1L;

    public GongCursorExpiredException(String operation, int statusCode, String requestId, List<String> errors) {
        super(operation, statusCode, requestId, errors, "the paging cursor expired");
    }
}
