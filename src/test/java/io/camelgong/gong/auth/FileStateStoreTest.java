package io.camelgong.gong.auth;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongConfiguration;
import io.camelgong.gong.client.GongHttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file-backed state store: its StateRepository side, and two stores on one file refreshing one chain, in one JVM
 * and in two.
 */
class FileStateStoreTest extends OAuthTestSupport {

    private OAuthSettings settings(String refreshToken) {
        return new OAuthSettings(CLIENT_ID, CLIENT_SECRET, tokenUrl(), refreshToken, null, Duration.ofMinutes(1));
    }

    @Test
    void keepsKeysOfOtherWriters() {
        Path file = tempDir.resolve("state.properties");
        FileStateStore first = new FileStateStore(file);
        FileStateStore second = new FileStateStore(file);

        first.setState("gong.consumer.watermark", "2026-01-01T00:00:00Z");
        TokenChain chain = TokenChain.configured(token("refresh0"), null);
        assertThat(second.compareAndSet("gong.oauth.key", null, chain)).isTrue();

        assertThat(second.getState("gong.consumer.watermark")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(first.read("gong.oauth.key")).isEqualTo(chain);
        assertThat(first.compareAndSet("gong.oauth.key", null, chain)).as("stale expectation").isFalse();
    }

    @Test
    void twoStoresOnOneFileRefreshOnce() throws Exception {
        String configured = token("refresh0");
        String access = token("access1");
        stubRefresh(configured, tokenAnswer(access, token("refresh1"), 3600, null), 500);
        Path file = tempDir.resolve("state.properties");

        List<String> tokens = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try (DefaultCamelContext camelContext = new DefaultCamelContext();
             GongHttpClient firstClient = new GongHttpClient(camelContext, new GongConfiguration());
             GongHttpClient secondClient = new GongHttpClient(camelContext, new GongConfiguration())) {
            List<Future<String>> results = new ArrayList<>();
            for (GongHttpClient client : List.of(firstClient, secondClient)) {
                // one manager per store, as in two processes that share nothing but the file
                OAuthTokenManager manager = new OAuthTokenManager(settings(configured), new FileStateStore(file),
                        new TokenEndpoint(client, tokenUrl(), CLIENT_ID, CLIENT_SECRET));
                results.add(pool.submit(() -> {
                    start.await();
                    return manager.accessToken();
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                tokens.add(result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(tokenRequests()).hasSize(1);
        assertThat(tokens).containsExactly(access, access);
    }

    @Test
    void twoProcessesOnOneFileRefreshOnce() throws Exception {
        String configured = token("refresh0");
        String access = token("access1");
        stubRefresh(configured, tokenAnswer(access, token("refresh1"), 3600, null), 4000);
        Path file = tempDir.resolve("state.properties");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                RefreshInChildProcess.class.getName(), file.toString(), tokenUrl(), CLIENT_ID, CLIENT_SECRET,
                configured).redirectErrorStream(true);

        Process process = child.start();
        String parentToken;
        try (DefaultCamelContext camelContext = new DefaultCamelContext();
             GongHttpClient client = new GongHttpClient(camelContext, new GongConfiguration())) {
            OAuthTokenManager manager = new OAuthTokenManager(settings(configured), new FileStateStore(file),
                    new TokenEndpoint(client, tokenUrl(), CLIENT_ID, CLIENT_SECRET));
            parentToken = manager.accessToken();
        }
        List<String> childOutput = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(childOutput::add);
        }

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("child output: %s", childOutput).isZero();
        assertThat(childOutput).contains("access-token-fingerprint=" + TokenChain.fingerprintOf(access));
        assertThat(parentToken).isEqualTo(access);
        assertThat(tokenRequests()).hasSize(1);
        assertThat(Files.readString(file)).doesNotContain(configured + "\n");
    }
}
