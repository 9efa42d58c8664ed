package io.camelgong.gong.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongAuthenticationException;
import io.camelgong.gong.GongConfiguration;
import io.camelgong.gong.client.GongHttpClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Token requests without a usable response: the refresh token is not sent again, and a chain stored meanwhile by
 * another writer is used.
 */
class TokenManagerFailureTest extends OAuthTestSupport {

    private GongHttpClient shortTimeoutClient(DefaultCamelContext camelContext) {
        GongConfiguration configuration = new GongConfiguration();
        configuration.setReadTimeout(300);
        return new GongHttpClient(camelContext, configuration);
    }

    private OAuthTokenManager manager(StateRepositoryTokenStore store, GongHttpClient client, String refreshToken) {
        OAuthSettings settings = new OAuthSettings(CLIENT_ID, CLIENT_SECRET, tokenUrl(), refreshToken, null,
                Duration.ofMinutes(1));
        return new OAuthTokenManager(settings, store, new TokenEndpoint(client, tokenUrl(), CLIENT_ID, CLIENT_SECRET));
    }

    @Test
    void timeoutReportedWithoutResend() throws Exception {
        String configured = token("refresh0");
        stubRefresh(configured, tokenAnswer(token("access1"), token("refresh1"), 3600, null), 2000);
        StateRepositoryTokenStore store = new StateRepositoryTokenStore(new MemoryStateRepository());

        try (DefaultCamelContext camelContext = new DefaultCamelContext();
             GongHttpClient client = shortTimeoutClient(camelContext)) {
            OAuthTokenManager manager = manager(store, client, configured);

            assertThatThrownBy(manager::accessToken)
                    .isInstanceOf(GongApiException.class)
                    .isNotInstanceOf(GongAuthenticationException.class)
                    .hasMessageContaining("may or may not have been spent");
        }

        assertThat(servedTokenRequests()).isEqualTo(1);
    }

    @Test
    void timeoutUsesChainStoredMeanwhile() throws Exception {
        String configured = token("refresh0");
        String otherAccess = token("accessOther");
        stubRefresh(configured, tokenAnswer(token("access1"), token("refresh1"), 3600, null), 2000);
        MemoryStateRepository repository = new MemoryStateRepository();
        StateRepositoryTokenStore store = new StateRepositoryTokenStore(repository);
        TokenChain otherChain = new TokenChain(token("refreshOther"), otherAccess, Instant.now().plusSeconds(3600),
                null, null, TokenChain.fingerprintOf(configured));
        String key = OAuthSettings.storeKey(CLIENT_ID, configured);

        String accessToken;
        try (DefaultCamelContext camelContext = new DefaultCamelContext();
             GongHttpClient client = shortTimeoutClient(camelContext)) {
            OAuthTokenManager manager = manager(store, client, configured);
            // A writer that ignores the store's lock, like a process on another host, saves its newer chain while
            // this refresh waits for a response.
            CompletableFuture<Void> otherWriter = CompletableFuture.runAsync(() -> {
                sleep(100);
                repository.setState(key, otherChain.toJson());
            });
            accessToken = manager.accessToken();
            otherWriter.get(5, TimeUnit.SECONDS);
        }

        assertThat(accessToken).isEqualTo(otherAccess);
        assertThat(servedTokenRequests()).isEqualTo(1);
    }

    /**
     * Returns the number of token requests once WireMock has served them: it records a delayed request only after
     * its delay, and a resent one would arrive about 300 ms after the first.
     */
    private int servedTokenRequests() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !tokenRequests().isEmpty());
        sleep(1000);
        return tokenRequests().size();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void rejectedClientNamesClientId() throws Exception {
        String configured = token("refresh0");
        gong.stubFor(refreshRequest(configured).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));
        StateRepositoryTokenStore store = new StateRepositoryTokenStore(new MemoryStateRepository());

        try (DefaultCamelContext camelContext = new DefaultCamelContext();
             GongHttpClient client = new GongHttpClient(camelContext, new GongConfiguration())) {
            OAuthTokenManager manager = manager(store, client, configured);

            assertThatThrownBy(manager::accessToken).isInstanceOf(GongAuthenticationException.class)
                    .hasMessageContaining(CLIENT_ID).hasMessageContaining("clientSecret");
            assertThat(manager.permanentFailure()).isEmpty();
        }
    }
}
