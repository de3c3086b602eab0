package dev.orchestrator.domain.rules;

import static dev.orchestrator.domain.rules.ContextBuilder.aContext;
import static dev.orchestrator.domain.rules.RulesetBuilder.aRuleset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orchestrator.domain.crm.LifecycleStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SlaTest {
    private static final BusinessHours HOURS = BusinessHours.WEEKDAYS_9_TO_5_UTC;
    // Friday 2026-11-20 15:00 UTC
    private static final Instant FRIDAY_3PM = Instant.parse("2026-11-20T15:00:00Z");
    private static final SlaRule FIRST_TOUCH = new SlaRule("sql-first-touch", LifecycleStage.SQL, Duration.ofHours(8),
            Optional.of("#sales-alerts"));

    @Test
    void business_time_counts_only_opening_hours_of_working_days() {
        assertThat(HOURS.between(FRIDAY_3PM, Instant.parse("2026-11-20T16:30:00Z"))).isEqualTo(Duration.ofMinutes(90));
        assertThat(HOURS.between(FRIDAY_3PM, Instant.parse("2026-11-23T11:00:00Z"))).isEqualTo(Duration.ofHours(4));
        assertThat(HOURS.between(Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-22T23:00:00Z")))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void business_time_follows_the_zone_of_the_office() {
        BusinessHours newYork = new BusinessHours(java.time.ZoneId.of("America/New_York"), HOURS.opens(),
                HOURS.closes(), HOURS.days());

        // 15:00 UTC is 10:00 in New York (EST): seven hours of that Friday are still ahead
        assertThat(newYork.between(FRIDAY_3PM, Instant.parse("2026-11-21T12:00:00Z"))).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void an_untouched_sql_breaches_once_eight_business_hours_have_passed() {
        Optional<SlaRule.SlaBreach> monday = FIRST_TOUCH.check(LifecycleStage.SQL, FRIDAY_3PM, Optional.empty(),
                Instant.parse("2026-11-23T15:00:00Z"), HOURS);
        Optional<SlaRule.SlaBreach> mondayMorning = FIRST_TOUCH.check(LifecycleStage.SQL, FRIDAY_3PM,
                Optional.empty(), Instant.parse("2026-11-23T14:59:00Z"), HOURS);

        assertThat(monday).hasValueSatisfying(breach -> {
            assertThat(breach.elapsed()).isEqualTo(Duration.ofHours(8));
            assertThat(breach.alert()).contains("#sales-alerts");
        });
        assertThat(mondayMorning).isEmpty();
    }

    @Test
    void a_touch_after_the_record_entered_the_stage_stops_the_timer_and_an_older_one_does_not() {
        Instant later = Instant.parse("2026-11-25T15:00:00Z");

        assertThat(FIRST_TOUCH.check(LifecycleStage.SQL, FRIDAY_3PM, Optional.of(FRIDAY_3PM.plusSeconds(60)), later,
                HOURS)).isEmpty();
        assertThat(FIRST_TOUCH.check(LifecycleStage.SQL, FRIDAY_3PM, Optional.of(FRIDAY_3PM.minusSeconds(60)), later,
                HOURS)).isPresent();
        assertThat(FIRST_TOUCH.check(LifecycleStage.OPPORTUNITY, FRIDAY_3PM, Optional.empty(), later, HOURS))
                .isEmpty();
    }

    @Test
    void reassigning_skips_the_owner_who_missed_the_sla_and_names_the_reason() {
        Ruleset ruleset = aRuleset().pool("aes", List.of("ae-1", "ae-2", "ae-3"))
                .routeToPool("all", "aes", OptionalInt.empty(), "company.employees >= 1").sla(FIRST_TOUCH).build();
        OwnerRoster roster = OwnerRoster.of(List.of(OwnerState.available("ae-1"), OwnerState.available("ae-2"),
                OwnerState.available("ae-3")));
        EvaluationContext owned = aContext().inStage(LifecycleStage.SQL).withCompany("employees", Value.of(300))
                .ownedBy(OwnerState.available("ae-2")).build();
        SlaRule.SlaBreach breach = FIRST_TOUCH.check(LifecycleStage.SQL, FRIDAY_3PM, Optional.empty(),
                Instant.parse("2026-11-24T15:00:00Z"), HOURS).orElseThrow();

        RoutingDecision decision = Router.reassign(ruleset, owned, roster, new RoundRobinState(
                java.util.Map.of("aes", 1)), breach).decision();

        assertThat(decision.target()).isEqualTo(new RoutingTarget.Owner("ae-3", "aes"));
        assertThat(decision.candidates()).extracting(RoutingCandidate::owner, RoutingCandidate::outcome)
                .startsWith(tuple("ae-2", CandidateOutcome.EXCLUDED), tuple("ae-3", CandidateOutcome.ASSIGNED));
        assertThat(decision.candidates().get(0).reason())
                .isEqualTo("missed SLA sql-first-touch (960 business minutes, allowed 480)");
    }

    @Test
    void the_timer_starts_at_the_later_of_stage_entry_and_assignment() {
        SlaClock reassigned = new SlaClock(LifecycleStage.SQL, FRIDAY_3PM, Optional.of("ae-2"),
                Optional.of(Instant.parse("2026-11-23T15:00:00Z")), Optional.empty(), Optional.empty());

        assertThat(reassigned.timerStartedAt()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
        assertThat(FIRST_TOUCH.check(reassigned, Instant.parse("2026-11-24T09:30:00Z"), HOURS)).isEmpty();
        assertThat(FIRST_TOUCH.check(reassigned, Instant.parse("2026-11-24T15:00:00Z"), HOURS)).isPresent();
    }

    @Test
    void a_touch_before_the_assignment_does_not_stop_the_new_owners_timer() {
        SlaClock clock = new SlaClock(LifecycleStage.SQL, FRIDAY_3PM, Optional.of("ae-2"),
                Optional.of(FRIDAY_3PM.plusSeconds(3600)), Optional.of(FRIDAY_3PM.plusSeconds(60)), Optional.empty());

        assertThat(FIRST_TOUCH.check(clock, Instant.parse("2026-11-25T15:00:00Z"), HOURS)).isPresent();
    }

    @Test
    void a_record_without_an_owner_never_breaches() {
        SlaClock unowned = new SlaClock(LifecycleStage.SQL, FRIDAY_3PM, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThat(FIRST_TOUCH.check(unowned, Instant.parse("2026-12-25T15:00:00Z"), HOURS)).isEmpty();
    }

    @Test
    void an_sla_rule_written_without_reassign_reassigns() {
        assertThat(FIRST_TOUCH.reassign()).isTrue();
        assertThat(new SlaRule("alert-only", LifecycleStage.SQL, Duration.ofHours(4), Optional.empty(), false)
                .reassign()).isFalse();
    }
}
