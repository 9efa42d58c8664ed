package io.camelgong.gong.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON response of one simulated Gong endpoint: an HTTP status and the body, which already contains its
 * {@code requestId}.
 */
record ApiResponse(int status, ObjectNode body) {

    static ApiResponse ok(ObjectNode body) {
        return new ApiResponse(200, body);
    }
}
