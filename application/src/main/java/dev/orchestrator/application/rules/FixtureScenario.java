package dev.orchestrator.application.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * What a fixture runs instead of an event's evaluation: the sweep's SLA check over the record's clocks, or a
 * stage change arriving from the CRM. Without a scenario a fixture is an event's evaluation.
 */
public sealed interface FixtureScenario {

    /** {@code given.sla_timer}: when the record entered its stage, got its owner, and was last touched. */
    record SlaTimer(Instant stageEnteredAt, Optional<Instant> ownerAssignedAt, Optional<Instant> touchedAt)
            implements FixtureScenario {
        public SlaTimer {
            Require.present("stageEnteredAt", stageEnteredAt);
            Require.present("ownerAssignedAt", ownerAssignedAt);
            Require.present("touchedAt", touchedAt);
        }
    }

    /** {@code given.crm_change}: the stage someone set in the CRM, and whether a person (not a system) did. */
    record CrmStageChange(LifecycleStage to, boolean byPerson) implements FixtureScenario {
        public CrmStageChange {
            Require.present("to", to);
        }
    }
}
