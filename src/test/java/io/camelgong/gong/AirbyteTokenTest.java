package io.camelgong.gong;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import static io.camelgong.gong.simulator.AirbyteSimulator.recordedAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AirbyteTokenTest extends HostedTestSupport {

    private static final int THREADS = 8;

    @Test
    void tokenIsReusedAcrossRequests() {
        givenWorkspaces();

        for (int i = 0; i < 3; i++) {
            template.requestBody(hosted("workspaces/list", ""), (Object) null, List.class);
        }

        assertThat(airbyte.tokensIssued()).isEqualTo(1);
    }

    @Test
    void tokenIsRenewedBeforeExpiry() throws InterruptedException {
        givenWorkspaces();
        airbyte.tokenLifetime(Duration.ofSeconds(2));

        template.requestBody(hosted("workspaces/list", ""), (Object) null, List.class);
        // The component renews a fifth of the lifetime early: after 1.6 s of the 2 s.
        Thread.sleep(1_700);
        template.requestBody(hosted("workspaces/list", ""), (Object) null, List.class);

        assertThat(airbyte.tokensIssued()).isEqualTo(2);
        List<LoggedRequest> requests = airbyte.executeRequests(CONNECTOR_ID);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("Authorization")).isEqualTo("Bearer tok-2");
    }

    @Test
    void tokenWithoutExpiresInIsKept() {
        givenWorkspaces();
        airbyte.tokenLifetime(null);

        template.requestBody(hosted("workspaces/list", ""), (Object) null, List.class);
        template.requestBody(hosted("workspaces/list", ""), (Object) null, List.class);

        assertThat(airbyte.tokensIssued()).isEqualTo(1);
    }

    @Test
    void unauthorizedRenewsTokenAndReplaysOnce() {
        givenWorkspaces();
        template.requestBody(hosted("workspaces/list", ""), (Object) null, List.class);
        airbyte.revokeTokens();

        List<?> workspaces = template.requestBody(hosted("workspaces/list", ""), (Object) null, List.class);

        assertThat(workspaces).hasSize(1);
        assertThat(airbyte.tokensIssued()).isEqualTo(2);
        List<LoggedRequest> requests = airbyte.executeRequests(CONNECTOR_ID);
        assertThat(requests).hasSize(3);
        assertThat(requests.get(1).getHeader("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(requests.get(2).getHeader("Authorization")).isEqualTo("Bearer tok-2");
    }

    @Test
    void concurrentFirstRequestsFetchOneToken() throws Exception {
        givenWorkspaces();
        airbyte.tokenDelay(Duration.ofMillis(300));

        runConcurrently(() -> template.requestBody(hosted("workspaces/list", ""), (Object) null, List.class));

        assertThat(airbyte.tokensIssued()).isEqualTo(1);
        assertThat(airbyte.executeRequests(CONNECTOR_ID)).hasSize(THREADS);
    }

    @Test
    void concurrentUnauthorizedRenewOnce() throws Exception {
        givenWorkspaces();
        template.requestBody(hosted("workspaces/list", ""), (Object) null, List.class);
        airbyte.revokeTokens();
        airbyte.tokenDelay(Duration.ofMillis(300));

        // Two endpoints with the same Airbyte credentials share the component's token.
        runConcurrently(() -> template.requestBody(hosted("workspaces/list", "pagination=single"), (Object) null,
                List.class));

        assertThat(airbyte.tokensIssued()).isEqualTo(2);
    }

    @Test
    void wrongClientSecretRaisesAuthenticationException() {
        givenWorkspaces();

        assertThatThrownBy(() -> template.requestBody(
                hosted("workspaces/list", "airbyteClientSecret=wrong-secret"), (Object) null))
                .cause()
                .isInstanceOfSatisfying(GongAuthenticationException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(401))
                .hasMessageContaining("Airbyte rejected the client credentials")
                .hasMessageContaining("airbyteClientId=sim-client-id")
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void secondUnauthorizedRaisesAuthenticationException() {
        airbyte.givenExecuteError(CONNECTOR_ID, "workspaces", "list", 401, "{\"detail\":\"Connector access denied\"}");

        assertThatThrownBy(() -> template.requestBody(hosted("workspaces/list", ""), (Object) null))
                .cause()
                .isInstanceOfSatisfying(GongAuthenticationException.class,
                        e -> assertThat(e.getErrors()).containsExactly("Connector access denied"))
                .hasMessageContaining("freshly issued application token");
        assertThat(airbyte.tokensIssued()).isEqualTo(2);
        assertThat(airbyte.executeRequests(CONNECTOR_ID)).hasSize(2);
    }

    private void givenWorkspaces() {
        airbyte.givenGongAnswer(CONNECTOR_ID, "workspaces", "list", recordedAnswer("workspaces_list"), "workspaces");
    }

    private static void runConcurrently(Callable<?> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
