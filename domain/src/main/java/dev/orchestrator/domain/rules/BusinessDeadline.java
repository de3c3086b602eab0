package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Within N business day(s)" or "within N business hour(s)", read from an action's text (e.g. a CRM task
 * {@code "Call within 1 business day"}) and turned into a due time counted in working time only: a business day
 * is one working day's opening hours, so a Friday-afternoon SQL is due on Monday afternoon, not on Saturday.
 */
public record BusinessDeadline(long amount, Unit unit) {
    /** One business day: what a task says when it names no deadline. */
    public static final BusinessDeadline DEFAULT = new BusinessDeadline(1, Unit.DAY);

    public enum Unit { DAY, HOUR }

    private static final Pattern WITHIN = Pattern.compile(
            "within\\s+(\\d{1,3})\\s+business\\s+(day|days|hour|hours)\\b");

    public BusinessDeadline {
        Require.that(amount > 0, "amount", "must be positive");
        Require.present("unit", unit);
    }

    /** The deadline a text names, if it names one. */
    public static Optional<BusinessDeadline> in(String text) {
        Matcher matcher = WITHIN.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.find()) {
            return Optional.empty();
        }
        Unit unit = matcher.group(2).startsWith("day") ? Unit.DAY : Unit.HOUR;
        return Optional.of(new BusinessDeadline(Long.parseLong(matcher.group(1)), unit));
    }

    /** The moment the working time this deadline grants, counted from {@code from}, runs out. */
    public Instant dueFrom(Instant from, BusinessHours hours) {
        Duration workingDay = Duration.between(hours.opens(), hours.closes());
        Duration remaining = unit == Unit.DAY ? workingDay.multipliedBy(amount) : Duration.ofHours(amount);
        ZonedDateTime cursor = from.atZone(hours.zone());
        // Bounded: a deadline of N units never needs more than a few calendar weeks per working day in the week.
        for (int guard = 0; guard < 3700; guard++) {
            LocalDate day = cursor.toLocalDate();
            if (hours.days().contains(day.getDayOfWeek())) {
                ZonedDateTime open = ZonedDateTime.of(day, hours.opens(), hours.zone());
                ZonedDateTime close = ZonedDateTime.of(day, hours.closes(), hours.zone());
                ZonedDateTime start = cursor.isAfter(open) ? cursor : open;
                if (start.isBefore(close)) {
                    Duration available = Duration.between(start, close);
                    if (available.compareTo(remaining) >= 0) {
                        return start.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            cursor = ZonedDateTime.of(day.plusDays(1), hours.opens(), hours.zone());
        }
        throw new IllegalStateException("deadline beyond ten years of working days: " + this);
    }
}
