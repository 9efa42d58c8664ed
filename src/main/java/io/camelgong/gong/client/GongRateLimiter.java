package io.camelgong.gong.client;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongBudgetExhaustedException;

/**
 * The client-side limit of one Gong tenant: spaces requests to a rate per second, counts them against a daily
 * budget, and pauses every caller while the Retry-After of a 429 lasts. One instance serves every endpoint
 * of the tenant in a CamelContext (see {@link GongRateLimiterRegistry}).
 */
public final class GongRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(GongRateLimiter.class);

    private static final double SPACING_MARGIN = 1.02;

    private final String tenant;
    private final Settings settings;
    private final Bucket rateBucket;
    private final Bucket dailyBucket;
    private final long warnBelowRemaining;
    private final AtomicBoolean budgetWarned = new AtomicBoolean();
    private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());
    private final long spacingNanos;
    private final AtomicLong nextSendNanos = new AtomicLong(System.nanoTime());

    public GongRateLimiter(String tenant, Settings settings) {
        this.tenant = tenant;
        this.settings = settings;
        // Capacity 1 spaces requests evenly instead of letting a burst out. The 2 % margin (340 ms instead of
        // 333 ms at 3 per second) absorbs thread wake-up jitter: with exact spacing 35 to 40 % of requests had 3
        // others in the second before them, which a sliding-window server would reject (BENCHMARKS.md).
        long refillNanos = Math.max(1L, Math.round(
                TimeUnit.SECONDS.toNanos(1) * SPACING_MARGIN / settings.requestsPerSecond()));
        this.spacingNanos = refillNanos;
        // Bucket4j's default clock counts whole milliseconds, so a slot would free only when the millisecond changes.
        // Above 1,000 requests per second every request would then park until the next tick.
        this.rateBucket = Bucket.builder()
                .withNanosecondPrecision()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(refillNanos)).build())
                .build();
        // NOTE: Gong does not document when its daily count resets. This budget renews at midnight UTC and counts
        // only this component's requests, not those of the company's other integrations.
        this.dailyBucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(settings.dailyBudget())
                        .refillIntervallyAligned(settings.dailyBudget(), Duration.ofDays(1), nextUtcMidnight())
                        .build())
                .build();
        this.warnBelowRemaining = settings.dailyBudget() - settings.dailyBudget() * settings.warnPercent() / 100;
    }

    /**
     * Takes one request from the daily budget, then waits for the tenant's next free slot.
     *
     * @param  operation                    the entity/action about to be sent, for messages
     * @throws GongBudgetExhaustedException when the daily budget is spent
     * @throws GongApiException             when the thread is interrupted while waiting
     */
    public void acquire(String operation) {
        acquire(operation, RequestDeadline.NONE);
    }

    /**
     * Takes one request from the daily budget, then waits for the tenant's next free slot, unless the request's
     * deadline comes first.
     *
     * @throws RequestDeadline.Exceeded     when the deadline has passed, when the pause after a 429 ends after it,
     *                                      or when the next free slot comes after it once the pause is over. The
     *                                      limiter does not wait for what ends too late. It gives the budget unit
     *                                      back and takes no slot.
     * @throws GongBudgetExhaustedException when the daily budget is spent
     * @throws GongApiException             when the thread is interrupted while waiting
     */
    void acquire(String operation, RequestDeadline deadline) {
        if (deadline.remainingNanos() <= 0) {
            throw new RequestDeadline.Exceeded("the deadline passed before the request could take a slot");
        }
        takeFromDailyBudget(operation);
        boolean slotReserved = false;
        try {
            if (!waitWhilePaused(deadline)) {
                throw unacquired("the pause after Gong's 429 ends after the deadline");
            }
            // Taking a slot reserves it first, then parks until it comes, so an interrupt always finds one taken.
            slotReserved = true;
            if (!takeSlot(deadline)) {
                slotReserved = false;
                throw unacquired("the next free slot of the rate limit comes after the deadline");
            }
        } catch (InterruptedException e) {
            // The request will not be sent, for example at shutdown. Its budget unit and slot go back, so an abandoned
            // wait neither counts as a request nor delays the tenant's other requests.
            dailyBucket.addTokens(1);
            if (slotReserved) {
                rateBucket.addTokens(1);
            }
            Thread.currentThread().interrupt();
            throw new GongApiException(operation, 0, null, java.util.List.of(),
                    "interrupted while waiting for the rate limit of tenant " + tenant, e);
        }
    }

    /**
     * Takes the next slot and waits for it. With a deadline, returns {@code false} at once, reserving nothing, when
     * the slot comes after it.
     */
    private boolean takeSlot(RequestDeadline deadline) throws InterruptedException {
        if (!deadline.isBounded()) {
            rateBucket.asBlocking().consume(1);
            return true;
        }
        long maxWaitNanos = deadline.remainingNanos();
        // Bucket4j rejects a maximum wait of zero or less.
        return maxWaitNanos > 0 ? rateBucket.asBlocking().tryConsume(1, Duration.ofNanos(maxWaitNanos))
                : rateBucket.tryConsume(1);
    }

    private RequestDeadline.Exceeded unacquired(String reason) {
        dailyBucket.addTokens(1);
        return new RequestDeadline.Exceeded(reason);
    }

    /**
     * Waits until the spacing of the rate has passed since the tenant's previous request was written to its
     * connection. {@link #acquire(String, RequestDeadline)} spaces requests before they take a connection. A request
     * that then opens a connection is written later than its slot, after DNS, TCP and TLS, while the next request on
     * an open connection goes at once. Gong counts requests when they arrive, so without this second wait the two
     * would come closer together than the rate allows. The wait lasts at most one spacing per request ahead and does
     * not check the deadline.
     *
     * @return {@code true} when the request may be written now; {@code false}, with its budget unit given back, when
     *         a 429 has paused the tenant since the request took its slot. The caller then releases its connection
     *         and acquires again, so that no connection is held while the pause lasts.
     * @throws InterruptedException when the thread is interrupted while waiting; the budget unit is given back
     */
    boolean awaitSendTurn() throws InterruptedException {
        boolean mayWrite = false;
        try {
            if (isPaused()) {
                return false;
            }
            waitForTurn();
            // A 429 may have arrived during the wait.
            mayWrite = !isPaused();
            return mayWrite;
        } finally {
            if (!mayWrite) {
                // The request acquired a budget unit but is not written now.
                dailyBucket.addTokens(1);
            }
        }
    }

    private boolean isPaused() {
        return pausedUntilNanos.get() - System.nanoTime() > 0;
    }

    private void waitForTurn() throws InterruptedException {
        long turn;
        while (true) {
            long now = System.nanoTime();
            long next = nextSendNanos.get();
            turn = next - now > 0 ? next : now;
            if (nextSendNanos.compareAndSet(next, turn + spacingNanos)) {
                break;
            }
        }
        long waitNanos = turn - System.nanoTime();
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    /**
     * Holds back every request of this tenant for a time, because Gong responded 429 with this wait.
     */
    public void pause(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        pausedUntilNanos.accumulateAndGet(until, (current, proposed) -> current - proposed >= 0 ? current : proposed);
    }

    /**
     * Returns how long a request made now would wait for its slot, in nanoseconds; 0 when one is free.
     */
    long nanosToNextSlot() {
        return rateBucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    /**
     * Returns the requests left in today's budget.
     */
    public long remainingDailyBudget() {
        return dailyBucket.getAvailableTokens();
    }

    public Settings settings() {
        return settings;
    }

    private void takeFromDailyBudget(String operation) {
        ConsumptionProbe probe = dailyBucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Instant renewal = Instant.now().plusNanos(probe.getNanosToWaitForRefill());
            throw new GongBudgetExhaustedException(operation,
                    "the daily request budget of " + settings.dailyBudget() + " requests for Gong tenant " + tenant
                                                   + " is spent; it renews at " + renewal
                                                   + ". Gong allows 10,000 requests per day per company; raise"
                                                   + " dailyRequestBudget only if Gong granted a higher limit");
        }
        long remaining = probe.getRemainingTokens();
        if (remaining <= warnBelowRemaining) {
            if (budgetWarned.compareAndSet(false, true)) {
                LOG.warn("Gong tenant {} has used {} of its daily request budget of {} ({} left); requests fail"
                         + " when it is spent", tenant, settings.dailyBudget() - remaining, settings.dailyBudget(),
                        remaining);
            }
        } else {
            budgetWarned.set(false);
        }
    }

    /**
     * Sleeps while a 429's pause lasts. Returns {@code false} at once when the pause ends after the deadline.
     */
    private boolean waitWhilePaused(RequestDeadline deadline) throws InterruptedException {
        long waitNanos = pausedUntilNanos.get() - System.nanoTime();
        while (waitNanos > 0) {
            if (waitNanos > deadline.remainingNanos()) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(waitNanos);
            waitNanos = pausedUntilNanos.get() - System.nanoTime();
        }
        return true;
    }

    private static Instant nextUtcMidnight() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * The limits of one tenant.
     *
     * @param requestsPerSecond the request rate, greater than 0
     * @param dailyBudget       the requests allowed per day, greater than 0
     * @param warnPercent       the share of the daily budget, in percent, after which a WARN is logged once
     */
    public record Settings(double requestsPerSecond, long dailyBudget, int warnPercent) {
    }
}
