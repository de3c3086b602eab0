package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/** The working week SLA timers count in: a zone, daily opening hours and working days. */
public record BusinessHours(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {
    public static final BusinessHours WEEKDAYS_9_TO_5_UTC = new BusinessHours(ZoneId.of("UTC"), LocalTime.of(9, 0),
            LocalTime.of(17, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public BusinessHours {
        Require.present("zone", zone);
        Require.present("opens", opens);
        Require.present("closes", closes);
        Require.that(opens.isBefore(closes), "closes", "must be after opens");
        Require.present("days", days);
        Require.that(!days.isEmpty(), "days", "must name at least one working day");
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** Working time between two instants: the overlap of [from, to) with each working day's opening hours. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, opens, zone).toInstant();
            Instant close = ZonedDateTime.of(day, closes, zone).toInstant();
            Instant start = from.isAfter(open) ? from : open;
            Instant end = to.isBefore(close) ? to : close;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }
}
