package io.camelgong.gong.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts repeats of a log event by key and lets one through per interval, so that a storm of retries or failures
 * produces a few lines that carry the count of those left out.
 */
final class RepeatLog {

    private static final int MAX_KEYS = 1000;

    private final long intervalNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    RepeatLog(long interval, TimeUnit unit) {
        this.intervalNanos = unit.toNanos(interval);
    }

    /**
     * Records one event and returns how many events of this key were held back since the last one let through, or -1
     * when this event must be held back too.
     */
    long admit(String key) {
        if (entries.size() > MAX_KEYS) {
            entries.clear();
        }
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        long now = System.nanoTime();
        synchronized (entry) {
            if (entry.lastLogged != 0 && now - entry.lastLogged < intervalNanos) {
                entry.suppressed.incrementAndGet();
                return -1;
            }
            entry.lastLogged = now == 0 ? 1 : now;
            return entry.suppressed.getAndSet(0);
        }
    }

    private static final class Entry {
        private long lastLogged;
        private final AtomicLong suppressed = new AtomicLong();
    }
}
