package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * The times an SLA timer reads for one record: when it entered its stage, when its current owner got it, and
 * its last touch. A <em>touch</em> is a change a person made to the record in the CRM (any property: a stage or
 * owner change, an edited field) or an activity the CRM logged on it (a note, call, email or meeting, which
 * moves HubSpot's {@code notes_last_updated} / {@code hs_last_sales_activity_timestamp}); our own writes and
 * other integrations' changes are not touches. A stage change also restarts the timer through
 * {@code stageEnteredAt}.
 */
public record SlaClock(LifecycleStage stage, Instant stageEnteredAt, Optional<String> ownerId,
        Optional<Instant> ownerAssignedAt, Optional<Instant> touchedAt, Optional<String> touchedBy) {
    public SlaClock {
        Require.present("stage", stage);
        Require.present("stageEnteredAt", stageEnteredAt);
        Require.present("ownerId", ownerId);
        Require.present("ownerAssignedAt", ownerAssignedAt);
        Require.present("touchedAt", touchedAt);
        Require.present("touchedBy", touchedBy);
    }

    /** Stage entry or assignment to the current owner, whichever came later. */
    public Instant timerStartedAt() {
        return ownerAssignedAt.filter(assigned -> assigned.isAfter(stageEnteredAt)).orElse(stageEnteredAt);
    }
}
