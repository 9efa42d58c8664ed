package io.camelgong.gong.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Settings of a running simulator that tests may change between requests. The endpoints read them on every
 * request, so a change applies to the next request.
 */
final class SimulatorSettings {

    private volatile int pageSize = GongSimulator.DEFAULT_PAGE_SIZE;
    private volatile Duration cursorTtl = GongSimulator.DEFAULT_CURSOR_TTL;
    private volatile Clock clock = Clock.systemUTC();
    private volatile int mediaSize = GongSimulator.DEFAULT_MEDIA_SIZE;
    private volatile String baseUrl = "";

    Instant now() {
        return clock.instant();
    }

    int pageSize() {
        return pageSize;
    }

    void pageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Page size must be at least 1, but was " + size);
        }
        this.pageSize = size;
    }

    Duration cursorTtl() {
        return cursorTtl;
    }

    void cursorTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "cursorTtl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("Cursor time to live must not be negative, but was " + ttl);
        }
        this.cursorTtl = ttl;
    }

    Clock clock() {
        return clock;
    }

    void clock(Clock newClock) {
        this.clock = Objects.requireNonNull(newClock, "clock");
    }

    int mediaSize() {
        return mediaSize;
    }

    void mediaSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("Media size must be at least 1 byte, but was " + bytes);
        }
        this.mediaSize = bytes;
    }

    String baseUrl() {
        return baseUrl;
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }
}
