package io.camelgong.gong.simulator;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {

    private static GongSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = GongSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void requestWithoutAuthorizationGets401() {
        HttpResponse<String> response = new SimulatorClient(simulator).authorization(null).get("/v2/users");

        JsonNode body = SimulatorClient.json(response);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body.path("requestId").asText()).isNotEmpty();
        assertThat(body.path("errors").get(0).asText()).contains("no Authorization header");
    }

    @Test
    void wrongSecretGets401() {
        String header = Authorizer.basicHeader(GongSimulator.ACCESS_KEY, "wrong-secret");

        HttpResponse<String> response = new SimulatorClient(simulator).authorization(header).get("/v2/workspaces");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText()).contains("not valid");
    }

    @Test
    void unauthorizedPostGets401First() {
        HttpResponse<String> response = new SimulatorClient(simulator).authorization(null)
                .post("/v2/calls/extensive", "not json");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void basicCredentialsAreAccepted() {
        HttpResponse<String> response = new SimulatorClient(simulator).get("/v2/workspaces");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void bearerTokenWorksUntilRevoked() {
        SimulatorClient client = new SimulatorClient(simulator).authorization("Bearer token-1");

        int before = client.get("/v2/workspaces").statusCode();
        simulator.acceptBearerToken("token-1");
        int accepted = client.get("/v2/workspaces").statusCode();
        simulator.revokeBearerToken("token-1");
        HttpResponse<String> revoked = client.get("/v2/workspaces");

        assertThat(before).isEqualTo(401);
        assertThat(accepted).isEqualTo(200);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(SimulatorClient.json(revoked).path("errors").get(0).asText())
                .isEqualTo("access token has been revoked");
    }

    @Test
    void unknownPathGets404WithErrorBody() {
        HttpResponse<String> response = new SimulatorClient(simulator).get("/v2/no-such-endpoint");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.json(response).path("errors").get(0).asText()).contains("/v2/no-such-endpoint");
    }
}
