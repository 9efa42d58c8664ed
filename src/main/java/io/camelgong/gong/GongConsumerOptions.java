package io.camelgong.gong;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import io.camelgong.gong.consumer.CallEnricher;

/**
 * Checks the consumer options when a consumer endpoint is created, so a bad value fails before the first poll.
 */
final class GongConsumerOptions {

    private static final Set<String> ENRICHMENTS = Set.of("extensive", "transcript");

    private GongConsumerOptions() {
    }

    static void validate(GongConfiguration configuration) {
        Duration lookback = parseDuration(configuration.getLookback(), "lookback");
        if (lookback.isNegative() || lookback.isZero()) {
            throw invalid("lookback", configuration.getLookback(), "a positive ISO-8601 duration such as PT6H or P1D");
        }
        try {
            Instant now = Instant.now();
            if (GongConsumer.initialFrom(configuration.getInitialFromDateTime(), now).isAfter(now)) {
                throw invalid("initialFromDateTime", configuration.getInitialFromDateTime(),
                        "a start in the past: a date-time before now, or a positive duration before the first poll"
                                                                                        + " such as PT24H");
            }
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid("initialFromDateTime", configuration.getInitialFromDateTime(),
                    "an ISO-8601 date-time with an offset such as 2026-01-01T00:00:00Z, or a duration before the"
                                                                                    + " first poll such as PT24H");
        }
        validateEnrich(configuration.getEnrich());
        CallEnricher.contentSelector(configuration.getContentSelector());
        boolean extensive = configuration.getEnrich() != null && configuration.getEnrich().contains("extensive");
        if (configuration.getContentSelector() != null && !extensive) {
            throw invalid("contentSelector", configuration.getContentSelector(),
                    "to be used with enrich=extensive, which fetches the selected fields; add extensive to enrich or"
                                                                                 + " remove contentSelector");
        }
        if (configuration.getTranscriptMaxAttempts() < 1) {
            throw invalid("transcriptMaxAttempts", configuration.getTranscriptMaxAttempts(), "1 or more");
        }
        if (configuration.getMaxMessagesPerPoll() < 0) {
            throw invalid("maxMessagesPerPoll", configuration.getMaxMessagesPerPoll(), "0 (no limit) or more");
        }
    }

    private static void validateEnrich(String enrich) {
        if (enrich == null) {
            return;
        }
        for (String part : enrich.split(",")) {
            if (!ENRICHMENTS.contains(part.trim())) {
                throw invalid("enrich", enrich, "a comma list of extensive and transcript");
            }
        }
    }

    private static Duration parseDuration(String value, String option) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(option, value, "an ISO-8601 duration such as PT6H or P1D");
        }
    }

    private static GongValidationException invalid(String option, Object value, String expected) {
        return new GongValidationException("Invalid option " + option + "=" + value + ": expected " + expected);
    }
}
