package io.camelgong.gong.simulator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Time zone and date-time format of the simulated Gong company. */
final class GongTime {

    /** Zone name as Gong's stats responses spell it ({@code timeZone} of the recorded stats). */
    static final String COMPANY_ZONE_NAME = "US/Pacific";
    static final ZoneId COMPANY_ZONE = ZoneId.of(COMPANY_ZONE_NAME);

    /** Gong's date-time form: seconds always present, offset such as {@code -08:00} or {@code Z}. */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private GongTime() {
    }

    static String format(OffsetDateTime dateTime) {
        return FORMAT.format(dateTime);
    }

    /** Returns midnight of a date in the company's zone, as Gong writes the bounds of a stats window. */
    static String startOfDay(LocalDate date) {
        return format(date.atStartOfDay(COMPANY_ZONE).toOffsetDateTime());
    }
}
