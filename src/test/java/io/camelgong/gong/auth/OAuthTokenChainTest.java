package io.camelgong.gong.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongAuthenticationException;
import io.camelgong.gong.GongConfiguration;
import io.camelgong.gong.GongEndpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OAuth refresh-token chain over real CamelContexts, a real state file and WireMock on loopback.
 */
class OAuthTokenChainTest extends OAuthTestSupport {

    private static final String USERS = "gong:users/list";

    private void stubUsersFor(String accessToken) {
        gong.stubFor(get(urlPathEqualTo("/v2/users")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson(recorded("users_list.json").toString())));
    }

    private List<String> apiAuthorizations() {
        List<String> values = new ArrayList<>();
        gong.findAll(getRequestedFor(urlPathEqualTo("/v2/users")))
                .forEach(request -> values.add(request.getHeader("Authorization")));
        return values;
    }

    private GongConfiguration withStateFile(String refreshToken, Path stateFile) {
        GongConfiguration configuration = oauthConfiguration(refreshToken);
        configuration.setStateFile(stateFile.toString());
        return configuration;
    }

    @Test
    void rotatesThreeTimesInARow() {
        String[] refresh = { token("refresh0"), token("refresh1"), token("refresh2"), token("refresh3") };
        String[] access = { null, token("access1"), token("access2"), token("access3") };
        // expires_in below the default skew of one minute, so every request needs a fresh token
        for (int i = 1; i <= 3; i++) {
            stubRefresh(refresh[i - 1], access[i], refresh[i], 30);
            stubUsersFor(access[i]);
        }
        Path stateFile = tempDir.resolve("state.properties");
        ProducerTemplate template = startContext(withStateFile(refresh[0], stateFile)).createProducerTemplate();

        for (int i = 1; i <= 3; i++) {
            List<?> users = template.requestBody(USERS, null, List.class);

            assertThat(users).hasSize(9);
            assertThat(apiAuthorizations()).last().isEqualTo("Bearer " + access[i]);
            assertThat(presentedRefreshTokens()).last().isEqualTo(refresh[i - 1]);
            TokenChain stored = storedChain(stateFile, refresh[0]);
            assertThat(stored.refreshToken()).isEqualTo(refresh[i]);
            assertThat(stored.accessToken()).isEqualTo(access[i]);
        }
        assertThat(presentedRefreshTokens()).containsExactly(refresh[0], refresh[1], refresh[2]);
    }

    @Test
    void refreshesOnceForConcurrentExpiry() throws Exception {
        String configured = token("refresh0");
        String fresh = token("access1");
        Path stateFile = tempDir.resolve("state.properties");
        seedChain(stateFile, configured,
                chain(configured, configured, token("expired"), Duration.ofMinutes(-5), baseUrl()));
        stubRefresh(configured, tokenAnswer(fresh, token("refresh1"), 3600, null), 300);
        stubUsersFor(fresh);
        ProducerTemplate template = startContext(withStateFile(configured, stateFile)).createProducerTemplate();

        int exchanges = 100;
        ExecutorService pool = Executors.newFixedThreadPool(exchanges);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<?>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < exchanges; i++) {
                Callable<List<?>> exchange = () -> {
                    start.await();
                    return template.requestBody(USERS, null, List.class);
                };
                results.add(pool.submit(exchange));
            }
            start.countDown();
            for (Future<List<?>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).hasSize(9);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(tokenRequests()).hasSize(1);
        assertThat(apiAuthorizations()).hasSize(exchanges).allMatch(("Bearer " + fresh)::equals);
    }

    @Test
    void endpointsShareOneRefresh() throws Exception {
        String configured = token("refresh0");
        String fresh = token("access1");
        stubRefresh(configured, tokenAnswer(fresh, token("refresh1"), 3600, null), 300);
        stubUsersFor(fresh);
        gong.stubFor(get(urlPathEqualTo("/v2/workspaces")).withHeader("Authorization", equalTo("Bearer " + fresh))
                .willReturn(okJson("{\"requestId\":\"w1\",\"workspaces\":[]}")));
        // No state file: only the component's shared token manager keeps the two endpoints from refreshing twice.
        ProducerTemplate template = startContext(oauthConfiguration(configured)).createProducerTemplate();

        CompletableFuture<Object> users = CompletableFuture.supplyAsync(
                () -> template.requestBody(USERS, (Object) null));
        CompletableFuture<Object> workspaces = CompletableFuture.supplyAsync(
                () -> template.requestBody("gong:workspaces/list", (Object) null));

        assertThat(users.get(30, TimeUnit.SECONDS)).asList().hasSize(9);
        assertThat(workspaces.get(30, TimeUnit.SECONDS)).asList().isEmpty();
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void restartUsesStoredChain() {
        String configured = token("refresh0");
        String second = token("refresh1");
        String third = token("refresh2");
        String access1 = token("access1");
        String access2 = token("access2");
        stubRefresh(configured, access1, second, 30);
        stubRefresh(second, access2, third, 3600);
        stubUsersFor(access1);
        stubUsersFor(access2);
        Path stateFile = tempDir.resolve("state.properties");

        CamelContext first = startContext(withStateFile(configured, stateFile));
        first.createProducerTemplate().requestBody(USERS, null, List.class);
        first.stop();
        CamelContext restarted = startContext(withStateFile(configured, stateFile));
        restarted.createProducerTemplate().requestBody(USERS, null, List.class);

        assertThat(presentedRefreshTokens()).containsExactly(configured, second);
        assertThat(apiAuthorizations()).containsExactly("Bearer " + access1, "Bearer " + access2);
        assertThat(storedChain(stateFile, configured).refreshToken()).isEqualTo(third);
    }

    @Test
    void newConfiguredTokenStartsNewChain() {
        String oldConsent = token("refreshOld");
        String newConsent = token("refreshNew");
        String access = token("accessNew");
        Path stateFile = tempDir.resolve("state.properties");
        seedChain(stateFile, oldConsent,
                chain(oldConsent, token("refreshOld2"), token("accessOld"), Duration.ofHours(1), baseUrl()));
        stubRefresh(newConsent, access, token("refreshNew2"), 3600);
        stubUsersFor(access);

        startContext(withStateFile(newConsent, stateFile)).createProducerTemplate().requestBody(USERS, (Object) null);

        assertThat(presentedRefreshTokens()).containsExactly(newConsent);
        assertThat(apiAuthorizations()).containsExactly("Bearer " + access);
    }

    @Test
    void unauthorizedRefreshesAndReplays() {
        String configured = token("refresh0");
        String rejected = token("access0");
        String renewed = token("access1");
        Path stateFile = tempDir.resolve("state.properties");
        seedChain(stateFile, configured, chain(configured, configured, rejected, Duration.ofHours(1), baseUrl()));
        gong.stubFor(get(urlPathEqualTo("/v2/users")).withHeader("Authorization", equalTo("Bearer " + rejected))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"requestId\":\"r401\",\"errors\":[\"access token has expired\"]}")));
        stubUsersFor(renewed);
        stubRefresh(configured, renewed, token("refresh1"), 3600);

        List<?> users = startContext(withStateFile(configured, stateFile)).createProducerTemplate()
                .requestBody(USERS, null, List.class);

        assertThat(users).hasSize(9);
        assertThat(tokenRequests()).hasSize(1);
        assertThat(apiAuthorizations()).containsExactly("Bearer " + rejected, "Bearer " + renewed);
    }

    @Test
    void secondUnauthorizedSurfacesWithoutLoop() {
        String configured = token("refresh0");
        Path stateFile = tempDir.resolve("state.properties");
        seedChain(stateFile, configured,
                chain(configured, configured, token("access0"), Duration.ofHours(1), baseUrl()));
        gong.stubFor(get(urlPathEqualTo("/v2/users"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"requestId\":\"r401\",\"errors\":[\"Company is inactive\"]}")));
        stubRefresh(configured, token("access1"), token("refresh1"), 3600);
        ProducerTemplate template = startContext(withStateFile(configured, stateFile)).createProducerTemplate();

        assertThatThrownBy(() -> template.requestBody(USERS, (Object) null))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(GongAuthenticationException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("Company is inactive");
        assertThat(tokenRequests()).hasSize(1);
        assertThat(apiAuthorizations()).hasSize(2);
    }

    @Test
    void invalidGrantNeedsNewConsent() {
        String spent = token("refresh0");
        gong.stubFor(refreshRequest(spent).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
        CamelContext context = startContext(withStateFile(spent, tempDir.resolve("state.properties")));
        ProducerTemplate template = context.createProducerTemplate();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> template.requestBody(USERS, (Object) null))
                    .cause().isInstanceOf(GongAuthenticationException.class)
                    .hasMessageContaining("already used or revoked")
                    .hasMessageContaining("consent again")
                    .hasMessageContaining(CLIENT_ID)
                    .message().doesNotContain(spent).doesNotContain(CLIENT_SECRET);
        }

        assertThat(tokenRequests()).hasSize(1);
        GongEndpoint endpoint = context.getEndpoint(USERS, GongEndpoint.class);
        assertThat(endpoint.getCredentials().permanentFailure()).isPresent();
    }

    @Test
    void customerBaseUrlHonoured() {
        var customer = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort()
                        .bindAddress("127.0.0.1"));
        customer.start();
        try {
            String configured = token("refresh0");
            String access = token("access1");
            String customerUrl = "http://127.0.0.1:" + customer.port();
            Path stateFile = tempDir.resolve("state.properties");
            // The stored chain points at this loopback server, so no request can reach a Gong default host.
            seedChain(stateFile, configured,
                    chain(configured, configured, token("access0"), Duration.ofMinutes(-1), baseUrl()));
            stubRefresh(configured, tokenAnswer(access, token("refresh1"), 3600, customerUrl), 0);
            customer.stubFor(get(urlPathEqualTo("/v2/users")).withHeader("Authorization", equalTo("Bearer " + access))
                    .willReturn(okJson(recorded("users_list.json").toString())));
            GongConfiguration configuration = withStateFile(configured, stateFile);
            configuration.setBaseUrl(GongConfiguration.DEFAULT_BASE_URL);
            configuration.setAllowedHosts("127.0.0.1");

            List<?> users = startContext(configuration).createProducerTemplate().requestBody(USERS, null, List.class);

            assertThat(users).hasSize(9);
            assertThat(customer.findAll(getRequestedFor(urlPathEqualTo("/v2/users")))).hasSize(1);
            assertThat(apiAuthorizations()).isEmpty();
        } finally {
            customer.stop();
        }
    }

    @Test
    void foreignCustomerHostRejected() {
        String configured = token("refresh0");
        String next = token("refresh1");
        Path stateFile = tempDir.resolve("state.properties");
        seedChain(stateFile, configured,
                chain(configured, configured, token("access0"), Duration.ofMinutes(-1), baseUrl()));
        stubRefresh(configured, tokenAnswer(token("access1"), next, 3600, "https://gong.example.com"), 0);
        GongConfiguration configuration = withStateFile(configured, stateFile);
        configuration.setBaseUrl(GongConfiguration.DEFAULT_BASE_URL);
        configuration.setAllowedHosts("127.0.0.1");
        ProducerTemplate template = startContext(configuration).createProducerTemplate();

        assertThatThrownBy(() -> template.requestBody(USERS, (Object) null))
                .cause().isInstanceOf(GongAuthenticationException.class)
                .hasMessageContaining("https://gong.example.com")
                .hasMessageContaining("allowedHosts");
        assertThat(storedChain(stateFile, configured).refreshToken()).as("the new refresh token is kept")
                .isEqualTo(next);
        assertThat(apiAuthorizations()).isEmpty();
    }

    @Test
    void missingRefreshTokenKeepsPrevious() {
        String configured = token("refresh0");
        String access = token("access1");
        Path stateFile = tempDir.resolve("state.properties");
        stubRefresh(configured, tokenAnswer(access, null, 3600, null), 0);
        stubUsersFor(access);

        startContext(withStateFile(configured, stateFile)).createProducerTemplate().requestBody(USERS, (Object) null);

        assertThat(storedChain(stateFile, configured).refreshToken()).isEqualTo(configured);
        assertThat(logMessages()).anyMatch(line -> line.startsWith("WARN") && line.contains("no refresh_token"));
    }

    @Test
    void warnsWithoutPersistentStore() {
        String configured = token("refresh0");
        String access = token("access1");
        stubRefresh(configured, access, token("refresh1"), 3600);
        stubUsersFor(access);
        ProducerTemplate template = startContext(oauthConfiguration(configured)).createProducerTemplate();

        template.requestBody(USERS, (Object) null);
        template.requestBody("gong:users/list?pagination=single", (Object) null);

        assertThat(logMessages()).filteredOn(line -> line.contains("without a persistent state store")).hasSize(1);
        assertThat(tokenRequests()).hasSize(1);
    }
}
