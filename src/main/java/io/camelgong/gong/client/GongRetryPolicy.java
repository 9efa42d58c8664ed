package io.camelgong.gong.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.ExecutionContext;
import dev.failsafe.event.ExecutionScheduledEvent;
import dev.failsafe.function.CheckedPredicate;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongAuthenticationException;
import io.camelgong.gong.GongBudgetExhaustedException;
import io.camelgong.gong.GongCursorExpiredException;
import io.camelgong.gong.GongRateLimitedException;
import io.camelgong.gong.catalog.GongOperation;

/**
 * Runs one Gong request with retries (Failsafe): a 429 waits for {@code Retry-After} and does not count as a
 * failure, 5xx responses and network failures back off exponentially with jitter, permanent errors fail at once, and
 * the whole request, retries included, is bounded by requestTimeout.
 */
public final class GongRetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(GongRetryPolicy.class);

    private static final long LAST_ATTEMPT_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Settings settings;
    private final GongRateLimiter rateLimiter;
    private final FailsafeExecutor<Object> readExecutor;
    private final FailsafeExecutor<Object> writeExecutor;
    private final RepeatLog retryLog = new RepeatLog(10, TimeUnit.SECONDS);
    private final RepeatLog giveUpLog = new RepeatLog(30, TimeUnit.SECONDS);

    public GongRetryPolicy(Settings settings, GongRateLimiter rateLimiter) {
        this.settings = settings;
        this.rateLimiter = rateLimiter;
        this.readExecutor = executor(GongRetryPolicy::isTransient);
        this.writeExecutor = executor(GongRetryPolicy::isUnsent);
    }

    /**
     * Returns a policy that sends each request once, with no limiter and no timeout beyond the HTTP client's.
     */
    public static GongRetryPolicy none() {
        return new GongRetryPolicy(new Settings(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO,
                Duration.ZERO), null);
    }

    /**
     * Runs an attempt until it succeeds, fails permanently, runs out of retries or reaches requestTimeout.
     *
     * @throws GongApiException the last failure. A timeout has status 0 and a message naming requestTimeout.
     */
    public <T> T execute(GongOperation operation, Supplier<T> attempt) {
        return execute(operation, deadline -> attempt.get());
    }

    /**
     * Runs an attempt like {@link #execute(GongOperation, Supplier)}, handing it the request's deadline so that it
     * can bound its own waits, such as the rate limiter's.
     */
    public <T> T execute(GongOperation operation, Function<RequestDeadline, T> attempt) {
        return run(operation.name(), operation.idempotent(), attempt);
    }

    /**
     * Runs an attempt like {@link #execute(GongOperation, Supplier)}, for a request that is not a catalog
     * operation, such as one to Airbyte's connector API.
     *
     * @param operationName the name for messages and logs
     * @param idempotent    whether sending the request twice has the effect of sending it once; otherwise it is
     *                      sent again only when it certainly never left, or after a 429
     */
    public <T> T execute(String operationName, boolean idempotent, Supplier<T> attempt) {
        return run(operationName, idempotent, deadline -> attempt.get());
    }

    @SuppressWarnings("unchecked")
    private <T> T run(String operationName, boolean idempotent, Function<RequestDeadline, T> attempt) {
        FailsafeExecutor<Object> executor = idempotent ? readExecutor : writeExecutor;
        RequestDeadline deadline = RequestDeadline.after(settings.requestTimeout());
        long startNanos = System.nanoTime();
        try {
            return (T) executor.get(context -> {
                // The backoff before a retry ends at the deadline at the latest, but Failsafe sleeps whole
                // milliseconds and may wake a little early, so the last few milliseconds count as passed.
                if (!context.isFirstAttempt() && deadline.remainingNanos() < LAST_ATTEMPT_MARGIN_NANOS) {
                    throw new RequestDeadline.Exceeded("no time is left for another attempt");
                }
                try {
                    return attempt.apply(deadline);
                } catch (GongRateLimitedException e) {
                    throw rateLimited(e, startNanos);
                }
            });
        } catch (RequestDeadline.Exceeded e) {
            GongApiException timeout = new GongApiException(operationName, 0, null, List.of(),
                    "timed out after requestTimeout=" + settings.requestTimeout().toMillis() + " ms, retries and"
                                                                            + " rate-limit waits included: "
                                                                            + e.getMessage(),
                    null);
            logGiveUp(timeout, "no further attempt");
            throw timeout;
        } catch (RateLimitWaitExceeded e) {
            logGiveUp(e.getCause(), "its Retry-After would take the wait for Gong's rate limit beyond"
                                    + " maxRateLimitWait=" + settings.maxRateLimitWait().toMillis() + " ms");
            throw e.getCause();
        } catch (FailsafeException e) {
            // Failsafe raises this when the thread is interrupted while it waits between attempts.
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new GongApiException(operationName, 0, null, List.of(), "interrupted while waiting to retry",
                    e.getCause());
        }
    }

    /**
     * Pauses the tenant after a 429, whether or not this request tries again, and decides whether it may. A
     * Retry-After that would take the total wait beyond maxRateLimitWait ends the request at once.
     *
     * @return the failure for Failsafe: the 429 itself when the request may wait, otherwise a wrapper that no retry
     *         policy handles
     */
    private RuntimeException rateLimited(GongRateLimitedException failure, long startNanos) {
        Duration retryAfter = failure.getRetryAfter();
        if (rateLimiter != null) {
            // Without a Retry-After Gong names no wait, so the tenant waits for the first backoff step.
            rateLimiter.pause(retryAfter != null ? retryAfter : positive(settings.retryDelay()));
        }
        if (retryAfter == null) {
            return failure;
        }
        Duration longestWait = retryAfter.plusMillis(retryAfterJitterBoundMillis(retryAfter));
        Duration waited = Duration.ofNanos(System.nanoTime() - startNanos);
        if (waited.plus(longestWait).compareTo(settings.maxRateLimitWait()) > 0) {
            return new RateLimitWaitExceeded(failure);
        }
        return failure;
    }

    /**
     * Returns the limiter every attempt passes, or {@code null} when requests are not limited.
     */
    public GongRateLimiter rateLimiter() {
        return rateLimiter;
    }

    private FailsafeExecutor<Object> executor(CheckedPredicate<Throwable> retryable) {
        boolean waitsForRateLimit = !settings.maxRateLimitWait().isZero();
        RetryPolicy<Object> rateLimited = RetryPolicy.builder()
                .handleIf((CheckedPredicate<Throwable>) e -> e instanceof GongRateLimitedException)
                .withMaxRetries(waitsForRateLimit ? -1 : 0)
                .withMaxDuration(positive(settings.maxRateLimitWait()))
                .withDelayFn(context -> withinRequestTimeout(
                        rateLimitDelay(context.getLastException(), context.getAttemptCount()), context))
                .onRetryScheduled(this::onRateLimited)
                .onRetriesExceeded(event -> logGiveUp(event.getException(), "waited maxRateLimitWait="
                                                                            + settings.maxRateLimitWait().toMillis()
                                                                            + " ms for Gong's rate limit"))
                .build();
        RetryPolicy<Object> transientFailures = RetryPolicy.builder()
                .handleIf(retryable)
                .withMaxRetries(settings.maxRetries())
                .withDelayFn(context -> withinRequestTimeout(backoff(context.getAttemptCount()), context))
                .onRetryScheduled(this::onTransientFailure)
                .onRetriesExceeded(event -> logGiveUp(event.getException(),
                        "gave up after " + event.getAttemptCount() + " attempts"))
                .build();
        // requestTimeout is a deadline that the waits check (see run) rather than a Failsafe Timeout. That policy
        // schedules a task on another thread for every request and cancels it afterwards. In the benchmark this cost
        // about a sixth of the client's CPU per page (BENCHMARKS.md).
        return Failsafe.with(rateLimited, transientFailures);
    }

    /**
     * Shortens a delay between attempts so that it ends by the deadline of requestTimeout.
     */
    private Duration withinRequestTimeout(Duration delay, ExecutionContext<Object> context) {
        if (settings.requestTimeout().isZero()) {
            return delay;
        }
        Duration left = settings.requestTimeout().minus(context.getElapsedTime());
        return left.isNegative() ? Duration.ZERO : min(delay, left);
    }

    private Duration rateLimitDelay(Throwable failure, int attempts) {
        Duration retryAfter = failure instanceof GongRateLimitedException limited ? limited.getRetryAfter() : null;
        if (retryAfter != null) {
            // A little jitter keeps callers that received the same Retry-After from returning at the same instant.
            long jitterMillis = ThreadLocalRandom.current().nextLong(retryAfterJitterBoundMillis(retryAfter));
            return retryAfter.plusMillis(jitterMillis);
        }
        return backoff(attempts);
    }

    /**
     * Returns the exclusive upper bound of the jitter added to a Retry-After, in milliseconds: a tenth of it, plus 1.
     */
    private static long retryAfterJitterBoundMillis(Duration retryAfter) {
        return Math.max(1, retryAfter.toMillis() / 10 + 1);
    }

    /**
     * Returns the exponential backoff after a number of attempts, capped at maxRetryDelay, with jitter. The delay is
     * a random time between half of the backoff and all of it.
     */
    private Duration backoff(int attempts) {
        long base = settings.retryDelay().toMillis();
        long cap = Math.max(base, settings.maxRetryDelay().toMillis());
        long exponential = base << Math.min(Math.max(attempts - 1, 0), 20);
        long delay = Math.min(cap, exponential < 0 ? cap : exponential);
        long half = Math.max(1, delay / 2);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private void onRateLimited(ExecutionScheduledEvent<Object> event) {
        Duration delay = event.getDelay();
        if (rateLimiter != null) {
            // Extends the pause of the 429 (see rateLimited) when the backoff without Retry-After is longer.
            rateLimiter.pause(delay);
        }
        logRetry(event.getLastException(), event.getAttemptCount(), delay, "rate limited");
    }

    private void onTransientFailure(ExecutionScheduledEvent<Object> event) {
        logRetry(event.getLastException(), event.getAttemptCount(), event.getDelay(), "retry " + event.getAttemptCount()
                                                                                     + " of " + settings.maxRetries());
    }

    private void logRetry(Throwable failure, int attempts, Duration delay, String what) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        long heldBack = retryLog.admit(key(failure));
        if (heldBack >= 0) {
            LOG.debug("{}; {} in {} ms (attempt {}{})", describe(failure), what, delay.toMillis(), attempts,
                    heldBack > 0 ? ", " + heldBack + " similar retries not logged" : "");
        }
    }

    private void logGiveUp(Throwable failure, String why) {
        long heldBack = giveUpLog.admit(key(failure));
        if (heldBack >= 0) {
            LOG.warn("{}; {}{}", describe(failure), why,
                    heldBack > 0 ? " (" + heldBack + " similar failures since the last message)" : "");
        }
    }

    private static String describe(Throwable failure) {
        return failure == null ? "Gong request failed" : failure.getMessage();
    }

    private static String key(Throwable failure) {
        if (failure instanceof GongApiException api) {
            return api.getOperation() + "/" + api.getStatusCode();
        }
        return String.valueOf(failure);
    }

    /**
     * Tells whether a failed read may be sent again: a 5xx response, a 408, or a failure to connect, send or read.
     */
    static boolean isTransient(Throwable failure) {
        if (!(failure instanceof GongApiException api) || failure instanceof GongRateLimitedException
                || failure instanceof GongAuthenticationException || failure instanceof GongBudgetExhaustedException
                || failure instanceof GongCursorExpiredException) {
            return false;
        }
        int status = api.getStatusCode();
        if (status >= 500 && status != 501 && status != 505) {
            return true;
        }
        if (status == 408) {
            return true;
        }
        return status == 0 && isNetworkFailure(api.getCause());
    }

    /**
     * Tells whether a failed write certainly never reached Gong, so sending it again cannot apply it twice.
     */
    static boolean isUnsent(Throwable failure) {
        if (!(failure instanceof GongApiException api) || api.getStatusCode() != 0) {
            return false;
        }
        Throwable cause = api.getCause();
        return cause instanceof ConnectException || cause instanceof ConnectTimeoutException;
    }

    private static boolean isNetworkFailure(Throwable cause) {
        if (!(cause instanceof IOException) || cause instanceof InterruptedIOException && !isTimeout(cause)) {
            return false;
        }
        // A certificate or host-name problem, or an unknown host, repeats on every attempt.
        return !(cause instanceof SSLHandshakeException || cause instanceof SSLPeerUnverifiedException
                || cause instanceof UnknownHostException);
    }

    private static boolean isTimeout(Throwable cause) {
        return cause instanceof SocketTimeoutException || cause instanceof ConnectTimeoutException;
    }

    private static Duration positive(Duration duration) {
        return duration.isZero() || duration.isNegative() ? Duration.ofMillis(1) : duration;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }


    /**
     * Ends a request whose next wait for Gong's rate limit would exceed maxRateLimitWait. No retry policy handles it,
     * and {@link #run} throws its cause, the 429.
     */
    private static final class RateLimitWaitExceeded extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RateLimitWaitExceeded(GongRateLimitedException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        @Override
        public synchronized GongRateLimitedException getCause() {
            return (GongRateLimitedException) super.getCause();
        }
    }

    /**
     * The retry options of an endpoint.
     *
     * @param maxRetries       retries after a 5xx response or a network failure; 429 responses do not count
     * @param retryDelay       the first backoff delay, doubled on each retry
     * @param maxRetryDelay    the largest backoff delay
     * @param maxRateLimitWait the maximum total wait for 429 responses to stop; zero gives up at the first 429
     * @param requestTimeout   the limit of a whole request, retries and waits included; zero for none
     */
    public record Settings(
            int maxRetries, Duration retryDelay, Duration maxRetryDelay, Duration maxRateLimitWait,
            Duration requestTimeout) {
    }
}
