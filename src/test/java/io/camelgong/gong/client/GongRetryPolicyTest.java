package io.camelgong.gong.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongAuthenticationException;
import io.camelgong.gong.GongCursorExpiredException;
import io.camelgong.gong.GongRateLimitedException;
import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.TestOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GongRetryPolicyTest {

    private static final GongOperation READ = GongCatalog.operation("users", "list");
    private static final GongOperation WRITE = TestOperations.write();

    private final GongRetryPolicy policy = new GongRetryPolicy(new GongRetryPolicy.Settings(
            3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(2), Duration.ofSeconds(10)), null);

    @Test
    void firstAttemptRunsWithinTinyTimeout() {
        GongRetryPolicy tight = new GongRetryPolicy(new GongRetryPolicy.Settings(
                3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(2), Duration.ofMillis(1)), null);

        String result = tight.execute(READ, () -> "ok");

        assertThat(result).isEqualTo("ok");
    }

    @Test
    void longRetryAfterFailsAtOnce() {
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(1000, 100, 80));
        GongRetryPolicy limited = new GongRetryPolicy(new GongRetryPolicy.Settings(
                3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(1500), Duration.ofSeconds(10)),
                limiter);
        AtomicInteger attempts = new AtomicInteger();

        long start = System.nanoTime();
        assertThatThrownBy(() -> limited.execute(READ, () -> {
            // Retry-After 1 s fits into maxRateLimitWait; the 4 s that follow do not.
            Duration retryAfter = Duration.ofSeconds(attempts.incrementAndGet() == 1 ? 1 : 4);
            throw new GongRateLimitedException(READ.name(), null, List.of(), retryAfter, null);
        })).isInstanceOf(GongRateLimitedException.class);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(attempts).hasValue(2);
        assertThat(elapsedMillis).as("time until the request gave up").isBetween(900L, 1450L);
    }

    @Test
    void rateLimitWithoutRetryPausesTenant() {
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(1000, 100, 80));
        GongRetryPolicy noWait = new GongRetryPolicy(new GongRetryPolicy.Settings(
                3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ZERO, Duration.ofSeconds(10)), limiter);

        assertThatThrownBy(() -> noWait.execute(READ, () -> {
            throw new GongRateLimitedException(READ.name(), null, List.of(), Duration.ofSeconds(3), null);
        })).isInstanceOf(GongRateLimitedException.class);

        // The next request of the tenant would have to wait the 3 s, more than its deadline allows.
        assertThatThrownBy(() -> limiter.acquire("users/list", RequestDeadline.after(Duration.ofMillis(500))))
                .isInstanceOf(RequestDeadline.Exceeded.class)
                .hasMessageContaining("pause after Gong's 429");
    }

    @Test
    void readIsRetriedAfterConnectionReset() {
        AtomicInteger attempts = new AtomicInteger();

        String result = policy.execute(READ, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw networkFailure(READ, new SocketException("Connection reset"));
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void writeIsNotRetriedAfterAmbiguousFailure() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.execute(WRITE, () -> {
            attempts.incrementAndGet();
            throw networkFailure(WRITE, new SocketException("Connection reset"));
        })).isInstanceOf(GongApiException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void writeIsNotRetriedAfter5xx() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.execute(WRITE, () -> {
            attempts.incrementAndGet();
            throw new GongApiException(WRITE.name(), 502, null, List.of(), null);
        })).isInstanceOf(GongApiException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void writeIsRetriedWhenNeverSent() {
        AtomicInteger attempts = new AtomicInteger();

        String result = policy.execute(WRITE, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw networkFailure(WRITE, new ConnectException("Connection refused"));
            }
            return "created";
        });

        assertThat(result).isEqualTo("created");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void writeIsRetriedAfterRateLimit() {
        AtomicInteger attempts = new AtomicInteger();

        String result = policy.execute(WRITE, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new GongRateLimitedException(WRITE.name(), null, List.of(), Duration.ZERO, null);
            }
            return "created";
        });

        assertThat(result).isEqualTo("created");
    }

    @Test
    void permanentFailuresAreNotTransient() {
        assertThat(GongRetryPolicy.isTransient(new GongApiException("x", 400, null, List.of(), null))).isFalse();
        assertThat(GongRetryPolicy.isTransient(new GongApiException("x", 403, null, List.of(), null))).isFalse();
        assertThat(GongRetryPolicy.isTransient(new GongApiException("x", 404, null, List.of(), null))).isFalse();
        assertThat(GongRetryPolicy.isTransient(new GongAuthenticationException("x", 401, null, List.of(), null)))
                .isFalse();
        assertThat(GongRetryPolicy.isTransient(new GongCursorExpiredException("x", 400, null, List.of()))).isFalse();
        assertThat(GongRetryPolicy.isTransient(networkFailure(READ, new SSLHandshakeException("bad cert"))))
                .isFalse();
        assertThat(GongRetryPolicy.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void temporaryFailuresAreTransient() {
        assertThat(GongRetryPolicy.isTransient(new GongApiException("x", 500, null, List.of(), null))).isTrue();
        assertThat(GongRetryPolicy.isTransient(new GongApiException("x", 503, null, List.of(), null))).isTrue();
        assertThat(GongRetryPolicy.isTransient(new GongApiException("x", 408, null, List.of(), null))).isTrue();
        assertThat(GongRetryPolicy.isTransient(networkFailure(READ, new SocketException("reset")))).isTrue();
    }

    private static GongApiException networkFailure(GongOperation operation, IOException cause) {
        return new GongApiException(operation.name(), 0, null, List.of(), "no answer: " + cause, cause);
    }
}
