package io.camelgong.gong.client;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongAuthenticationException;

/**
 * The outcome of an endpoint's recent Gong requests, read by its health check: consecutive authentication failures
 * and the last failure.
 */
public final class GongCallStatus {

    private final AtomicInteger consecutiveAuthenticationFailures = new AtomicInteger();
    private final AtomicReference<GongApiException> lastFailure = new AtomicReference<>();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private volatile boolean failedSinceLastSuccess;

    /**
     * Records a request that succeeded.
     */
    public void recordSuccess() {
        consecutiveAuthenticationFailures.set(0);
        failedSinceLastSuccess = false;
        lastSuccess.set(Instant.now());
    }

    /**
     * Records a request that failed after its retries.
     */
    public void recordFailure(GongApiException failure) {
        lastFailure.set(failure);
        failedSinceLastSuccess = true;
        if (failure instanceof GongAuthenticationException) {
            consecutiveAuthenticationFailures.incrementAndGet();
        }
    }

    /**
     * Returns the number of authentication failures since the last successful request.
     */
    public int consecutiveAuthenticationFailures() {
        return consecutiveAuthenticationFailures.get();
    }

    /**
     * Returns the last failure, or {@code null} when no request failed yet.
     */
    public GongApiException lastFailure() {
        return lastFailure.get();
    }

    /**
     * Tells whether the last request that completed failed.
     */
    public boolean failedSinceLastSuccess() {
        return failedSinceLastSuccess;
    }

    /**
     * Returns when a request last succeeded, or {@code null} when none has yet.
     */
    public Instant lastSuccess() {
        return lastSuccess.get();
    }
}
