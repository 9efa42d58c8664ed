package io.camelgong.gong.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void secondsAreParsed() {
        assertThat(RetryAfter.parse("7", CLOCK)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void httpDateIsParsed() {
        assertThat(RetryAfter.parse("Fri, 04 Dec 2026 10:00:30 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void pastHttpDateIsZero() {
        assertThat(RetryAfter.parse("Fri, 04 Dec 2026 09:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
    }

    @Test
    void absentOrUnreadableIsNull() {
        assertThat(RetryAfter.parse(null, CLOCK)).isNull();
        assertThat(RetryAfter.parse(" ", CLOCK)).isNull();
        assertThat(RetryAfter.parse("soon", CLOCK)).isNull();
        assertThat(RetryAfter.parse("-5", CLOCK)).isNull();
    }
}
