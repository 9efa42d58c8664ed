package io.camelgong.gong.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongBudgetExhaustedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GongRateLimiterTest {

    @Test
    void spacesRequestsToRate() {
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(10, 1000, 80));

        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            limiter.acquire("users/list");
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        // The first request goes at once, the next ten about 102 ms apart (100 ms plus the 2 % margin).
        assertThat(elapsedMillis).isBetween(900L, 1500L);
    }

    @Test
    void freesSlotsBetweenMillisecondTicks() {
        // At 5,000 requests per second a slot frees every 204 µs with the margin.
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(5000, 1000, 80));

        for (int i = 0; i < 20; i++) {
            limiter.acquire("users/list");
            long start = System.nanoTime();
            while (System.nanoTime() - start < 300_000) {
                Thread.onSpinWait();
            }
            // A limiter on a millisecond clock would see no time pass until the millisecond changes.
            assertThat(limiter.nanosToNextSlot()).as("wait for the next slot 300 µs after a request").isZero();
        }
    }

    @Test
    void spacesWrittenRequests() throws Exception {
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(10, 1000, 80));

        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.awaitSendTurn()).as("request may be written").isTrue();
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        // The first goes at once, the next three about 102 ms apart.
        assertThat(elapsedMillis).isBetween(300L, 1000L);
    }

    @Test
    void sharesRateAcrossThreads() throws Exception {
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(20, 1000, 80));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> results = new ArrayList<>();

        long start = System.nanoTime();
        for (int i = 0; i < 21; i++) {
            results.add(pool.submit(() -> limiter.acquire("users/list")));
        }
        for (Future<?> result : results) {
            result.get();
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        pool.shutdown();

        assertThat(elapsedMillis).isBetween(900L, 1500L);
    }

    @Test
    void abandonedWaitsReturnSlotAndBudget() throws Exception {
        // one slot every 5.1 s
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(0.2, 100, 80));
        limiter.acquire("users/list");
        long afterFirst = limiter.nanosToNextSlot();

        for (int i = 0; i < 4; i++) {
            Thread waiter = new Thread(() -> {
                try {
                    limiter.acquire("users/list");
                } catch (GongApiException expected) {
                    // interrupted while waiting, as by requestTimeout
                }
            });
            waiter.start();
            Thread.sleep(50);
            waiter.interrupt();
            waiter.join(5_000);
            assertThat(waiter.isAlive()).isFalse();
        }

        assertThat(limiter.nanosToNextSlot()).isLessThanOrEqualTo(afterFirst);
        assertThat(limiter.remainingDailyBudget()).isEqualTo(99);
    }

    @Test
    void slotAfterDeadlineFailsWithoutWaiting() {
        // one slot every 5.1 s
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(0.2, 100, 80));
        limiter.acquire("users/list");
        long slotBefore = limiter.nanosToNextSlot();

        long start = System.nanoTime();
        assertThatThrownBy(() -> limiter.acquire("users/list", RequestDeadline.after(Duration.ofMillis(500))))
                .isInstanceOf(RequestDeadline.Exceeded.class)
                .hasMessageContaining("next free slot");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).as("time spent before failing").isLessThan(400);
        assertThat(limiter.nanosToNextSlot()).as("wait for the next slot").isLessThanOrEqualTo(slotBefore);
        assertThat(limiter.remainingDailyBudget()).isEqualTo(99);
    }

    @Test
    void pauseAfterDeadlineFailsWithoutWaiting() {
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(1000, 100, 80));
        limiter.pause(Duration.ofSeconds(5));

        long start = System.nanoTime();
        assertThatThrownBy(() -> limiter.acquire("users/list", RequestDeadline.after(Duration.ofMillis(500))))
                .isInstanceOf(RequestDeadline.Exceeded.class)
                .hasMessageContaining("pause after Gong's 429");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).as("time spent before failing").isLessThan(400);
        assertThat(limiter.remainingDailyBudget()).isEqualTo(100);
    }

    @Test
    void passedDeadlineTakesNothing() throws Exception {
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(1000, 100, 80));
        RequestDeadline deadline = RequestDeadline.after(Duration.ofNanos(1));
        Thread.sleep(2);

        assertThatThrownBy(() -> limiter.acquire("users/list", deadline))
                .isInstanceOf(RequestDeadline.Exceeded.class)
                .hasMessageContaining("deadline passed");
        assertThat(limiter.remainingDailyBudget()).isEqualTo(100);
        assertThat(limiter.nanosToNextSlot()).as("wait for the next slot").isZero();
    }

    @Test
    void sendTurnDuringPauseReturnsBudget() throws Exception {
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(1000, 100, 80));
        limiter.acquire("users/list", RequestDeadline.NONE);
        limiter.pause(Duration.ofSeconds(5));

        long start = System.nanoTime();
        boolean mayWrite = limiter.awaitSendTurn();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(mayWrite).as("request may be written").isFalse();
        assertThat(elapsedMillis).as("time spent before returning").isLessThan(400);
        assertThat(limiter.remainingDailyBudget()).as("budget after the unsent request").isEqualTo(100);
    }

    @Test
    void pauseDuringSendTurnStopsRequest() throws Exception {
        // one turn every 102 ms
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(10, 100, 80));
        limiter.acquire("users/list", RequestDeadline.NONE);
        limiter.acquire("users/list", RequestDeadline.NONE);
        assertThat(limiter.awaitSendTurn()).as("first request may be written").isTrue();
        Thread pauser = new Thread(() -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            limiter.pause(Duration.ofSeconds(5));
        });

        pauser.start();
        boolean mayWrite = limiter.awaitSendTurn();
        pauser.join(5_000);

        // The second request waited for its turn, and the 429 came during that wait.
        assertThat(mayWrite).as("second request may be written").isFalse();
        assertThat(limiter.remainingDailyBudget()).as("budget after one written request").isEqualTo(99);
    }

    @Test
    void failsFastWhenBudgetIsSpent() {
        GongRateLimiter limiter = new GongRateLimiter("tenant-a", new GongRateLimiter.Settings(1000, 3, 80));
        limiter.acquire("users/list");
        limiter.acquire("users/list");
        limiter.acquire("users/list");

        assertThatThrownBy(() -> limiter.acquire("calls/list"))
                .isInstanceOf(GongBudgetExhaustedException.class)
                .hasMessageContaining("calls/list")
                .hasMessageContaining("daily request budget of 3 requests for Gong tenant tenant-a is spent")
                .hasMessageContaining("renews at");
        assertThat(limiter.remainingDailyBudget()).isZero();
    }

    @Test
    void warnsOnceAtBudgetThreshold() {
        List<String> warnings = new ArrayList<>();
        AbstractAppender appender = new AbstractAppender("budget-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel() == Level.WARN) {
                    warnings.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        LoggerContext loggerContext = (LoggerContext) LogManager.getContext(false);
        LoggerConfig gongLogger = loggerContext.getConfiguration().getLoggerConfig(GongRateLimiter.class.getName());
        gongLogger.addAppender(appender, Level.WARN, null);
        loggerContext.updateLoggers();
        try {
            GongRateLimiter limiter = new GongRateLimiter("tenant-w", new GongRateLimiter.Settings(1000, 10, 80));
            for (int i = 0; i < 7; i++) {
                limiter.acquire("users/list");
            }
            assertThat(warnings).isEmpty();

            for (int i = 0; i < 3; i++) {
                limiter.acquire("users/list");
            }
        } finally {
            gongLogger.removeAppender("budget-capture");
            loggerContext.updateLoggers();
        }

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("tenant-w has used 8 of its daily request budget of 10 (2 left)");
    }

    @Test
    void pauseHoldsBackEveryCaller() {
        GongRateLimiter limiter = new GongRateLimiter("tenant", new GongRateLimiter.Settings(1000, 1000, 80));
        limiter.pause(Duration.ofMillis(400));

        long start = System.nanoTime();
        limiter.acquire("users/list");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(380L);
    }

    @Test
    void registrySharesLimiterPerIdentity() {
        GongRateLimiterRegistry registry = new GongRateLimiterRegistry();
        GongRateLimiter.Settings settings = new GongRateLimiter.Settings(3, 10_000, 80);

        GongRateLimiter first = registry.limiterFor("accessKey:aaa", settings);
        GongRateLimiter again = registry.limiterFor("accessKey:aaa", new GongRateLimiter.Settings(5, 10_000, 80));
        GongRateLimiter other = registry.limiterFor("accessKey:bbb", settings);

        assertThat(again).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        assertThat(again.settings().requestsPerSecond()).isEqualTo(3);
    }
}
