package dev.orchestrator.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessDeadlineTest {
    private static final BusinessHours NEW_YORK = new BusinessHours(ZoneId.of("America/New_York"), LocalTime.of(9, 0),
            LocalTime.of(17, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    @Test
    void aTaskTextNamesItsDeadlineInBusinessDays() {
        assertThat(BusinessDeadline.in("Call within 1 business day"))
                .contains(new BusinessDeadline(1, BusinessDeadline.Unit.DAY));
        assertThat(BusinessDeadline.in("Email within 4 business hours"))
                .contains(new BusinessDeadline(4, BusinessDeadline.Unit.HOUR));
    }

    @Test
    void aTextWithoutADeadlineNamesNone() {
        assertThat(BusinessDeadline.in("Call soon")).isEmpty();
    }

    @Test
    void oneBusinessDayFromATuesdayAfternoonIsWednesdayAfternoon() {
        Instant tuesday = Instant.parse("2026-01-06T20:00:00Z"); // 15:00 in New York

        assertThat(BusinessDeadline.DEFAULT.dueFrom(tuesday, NEW_YORK)).isEqualTo("2026-01-07T20:00:00Z");
    }

    @Test
    void oneBusinessDayFromAFridayAfternoonSkipsTheWeekend() {
        Instant friday = Instant.parse("2026-01-09T20:00:00Z"); // Friday 15:00 in New York

        assertThat(BusinessDeadline.DEFAULT.dueFrom(friday, NEW_YORK)).isEqualTo("2026-01-12T20:00:00Z"); // Monday 15:00
    }

    @Test
    void aDeadlineStartedOnASaturdayCountsFromMondaysOpening() {
        Instant saturday = Instant.parse("2026-01-10T15:00:00Z");

        assertThat(new BusinessDeadline(4, BusinessDeadline.Unit.HOUR).dueFrom(saturday, NEW_YORK))
                .isEqualTo("2026-01-12T18:00:00Z"); // Monday 13:00
    }

    @Test
    void businessHoursLeftOverAtCloseCarryToTheNextWorkingMorning() {
        Instant thursdayLate = Instant.parse("2026-01-08T21:00:00Z"); // Thursday 16:00 in New York

        assertThat(new BusinessDeadline(3, BusinessDeadline.Unit.HOUR).dueFrom(thursdayLate, NEW_YORK))
                .isEqualTo("2026-01-09T16:00:00Z"); // Friday 11:00
    }
}
