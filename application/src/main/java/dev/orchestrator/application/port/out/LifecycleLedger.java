package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.SlaClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What lifecycle decisions made outside the pipeline need to remember: each contact's SLA clocks, the stage and
 * owner values it took (so a CRM webhook echoing our own write is recognised), the CRM webhook events already
 * handled (by their CRM event id) and the SLA breaches already acted on.
 */
public interface LifecycleLedger {
    Optional<SlaClock> clock(UUID contactId);

    /**
     * Owned contacts in {@code stage} whose timer started before {@code startedBefore} and that nobody has touched
     * since: candidates for an SLA check (business hours are counted by the caller), oldest first.
     */
    List<UUID> untouchedSince(LifecycleStage stage, Instant startedBefore, int limit);

    /** Records a touch; a touch older than the one already recorded changes nothing. */
    void touch(UUID contactId, Instant at, String by, String kind);

    /** Our contacts written under this CRM id. */
    List<UUID> contactsWithCrmId(CrmObjectId crmId);

    /** The values {@code property} ({@code stage} or {@code owner}) took on this contact since {@code since}. */
    List<String> valuesSince(UUID contactId, String property, Instant since);

    /** When {@code property} last took a new value on this contact. */
    Optional<Instant> lastChanged(UUID contactId, String property);

    /**
     * Claims a CRM webhook event for handling; false when it was handled before (by any delivery). Call it in the
     * transaction that applies the event, so a rollback releases the claim.
     */
    boolean claimCrmEvent(String source, String eventId, UUID rawEventId, String kind, String outcome, Instant at);

    /** The raw event that handled this CRM event first, if any. */
    Optional<UUID> crmEventHandledBy(String source, String eventId);

    /**
     * Records an SLA breach acted on; false when this contact's timer for this rule (started at
     * {@code timerStartedAt}) was already acted on.
     */
    boolean recordBreach(UUID contactId, String ruleId, Instant timerStartedAt, Optional<String> ownerBefore,
            Optional<String> ownerAfter, long elapsedMinutes, Instant at);
}
