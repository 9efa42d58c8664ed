package io.camelgong.gong.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** User and workspace endpoints: {@code GET /v2/users}, {@code GET /v2/users/{id}}, {@code GET /v2/workspaces}. */
final class UsersEndpoints {

    private final GongSimulatorData data;
    private final Pager pager;

    UsersEndpoints(GongSimulatorData data, Pager pager) {
        this.data = data;
        this.pager = pager;
    }

    /** {@code GET /v2/users[?cursor]}; {@code includeAvatars} is accepted and ignored, as no user has an avatar. */
    ApiResponse list(ApiRequest request) {
        List<JsonNode> users = new ArrayList<>(data.users());
        ObjectNode body = Json.responseBody();
        pager.writePage(body, "users", users, request);
        return ApiResponse.ok(body);
    }

    ApiResponse get(String id) {
        ApiRequest.requireId(id, "User id");
        ObjectNode user = data.user(id)
                .orElseThrow(() -> GongApiException.notFound("User ID was not found: " + id));
        ObjectNode body = Json.responseBody();
        body.set("user", user.deepCopy());
        return ApiResponse.ok(body);
    }

    /** {@code GET /v2/workspaces}: every workspace in one response, without {@code records}, as Gong returns them. */
    ApiResponse workspaces() {
        ObjectNode body = Json.responseBody();
        body.putArray("workspaces").addAll(new ArrayList<>(data.workspaces()));
        return ApiResponse.ok(body);
    }
}
