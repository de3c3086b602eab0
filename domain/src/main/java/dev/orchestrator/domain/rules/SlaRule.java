package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * "If the owner has not touched a record in {@code stage} within {@code within} business time, reassign it to
 * the next owner in the pool and alert": checked by the scheduled sweep, not on events. With {@code reassign}
 * false the rule only alerts (the owner keeps the record).
 */
public record SlaRule(String id, LifecycleStage stage, Duration within, Optional<String> alert, boolean reassign) {
    /** Reassigns and alerts: the rule as the ruleset file writes it without {@code reassign}. */
    public SlaRule(String id, LifecycleStage stage, Duration within, Optional<String> alert) {
        this(id, stage, within, alert, true);
    }

    public SlaRule {
        Require.notBlank("id", id);
        Require.present("stage", stage);
        Require.present("within", within);
        Require.that(!within.isNegative() && !within.isZero(), "within", "must be positive");
        Require.present("alert", alert);
    }

    /**
     * A breach when the record is (still) in the stage, its owner has not touched it since it got there, and
     * the business time since then has reached the limit.
     */
    public Optional<SlaBreach> check(LifecycleStage current, Instant enteredStageAt, Optional<Instant> touchedAt,
            Instant now, BusinessHours hours) {
        if (current != stage || touchedAt.filter(at -> !at.isBefore(enteredStageAt)).isPresent()) {
            return Optional.empty();
        }
        Duration elapsed = hours.between(enteredStageAt, now);
        if (elapsed.compareTo(within) < 0) {
            return Optional.empty();
        }
        return Optional.of(new SlaBreach(id, stage, elapsed, within, alert));
    }

    /**
     * The same question over the contact's clocks: the timer starts when the record entered the stage or got its
     * current owner, whichever is later (a new owner gets the full time), and only a touch after that stops it.
     * A record without an owner has nobody to miss the SLA.
     */
    public Optional<SlaBreach> check(SlaClock clock, Instant now, BusinessHours hours) {
        if (clock.ownerId().isEmpty()) {
            return Optional.empty();
        }
        return check(clock.stage(), clock.timerStartedAt(), clock.touchedAt(), now, hours);
    }

    /** A missed SLA: which rule, the business time that passed and the time allowed. */
    public record SlaBreach(String ruleId, LifecycleStage stage, Duration elapsed, Duration allowed,
            Optional<String> alert) {
        public SlaBreach {
            Require.notBlank("ruleId", ruleId);
            Require.present("stage", stage);
            Require.present("elapsed", elapsed);
            Require.present("allowed", allowed);
            Require.present("alert", alert);
        }
    }
}
