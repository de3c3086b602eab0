package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where personal data rests outside the contact itself: raw events, audit entries, review items and dead-letter
 * errors. Read by the erasure and the retention sweep, which decide what to keep; this port only finds and
 * rewrites rows, in the caller's transaction.
 */
public interface PersonalDataStore {
    /** Raw events of this person: tagged with the email, caused by the contact, or whose body mentions it. */
    List<RawEvent> rawEventsOf(String email, Optional<UUID> contactId);

    /** Terminal raw events (done, review, dead) received before {@code cutoff} and not yet erased, oldest first. */
    List<RawEvent> rawEventsReceivedBefore(Instant cutoff, int limit);

    /** Replaces a raw event's personal content; the event keeps its id, source, times and status. */
    void rewriteRawEvent(UUID eventId, ErasedEvent erased);

    /** Audit entries about this contact or caused by these events. */
    List<AuditEvent> auditOf(Optional<UUID> contactId, Set<UUID> eventIds);

    /** Audit entries recorded before {@code cutoff} whose evidence was not yet erased, oldest first. */
    List<AuditEvent> auditRecordedBefore(Instant cutoff, int limit);

    /** Replaces an audit entry's summary and evidence; what happened, when, and by which rule stays. */
    void rewriteAudit(UUID auditId, String summary, Map<String, String> evidence, Instant erasedAt);

    /**
     * Audit entries of other people's traces that name this person: a dedupe comparison records its closest
     * candidate (her CRM contact id as {@code contact}, her values in its features). Found by {@code crmContactId}
     * or by {@code email} anywhere in the evidence or summary, leaving out {@code known} (her own entries).
     */
    List<AuditEvent> auditNaming(String email, Optional<String> crmContactId, Set<UUID> known);

    /** Replaces another entry's summary and evidence where they named this person; it is not marked erased. */
    void scrubAudit(UUID auditId, String summary, Map<String, String> evidence);

    /** Review items of other events whose problems name this e-mail (a possible duplicate shows both people). */
    List<StoredText> reviewTextsNaming(String email, Set<UUID> excludingEvents);

    /** Review items and dead-letter errors of these events, as text to scrub. */
    List<StoredText> textsOf(Set<UUID> eventIds);

    void rewriteText(StoredText text, String replacement);

    /** The contact's row in our directory: email and names replaced by the pseudonym. */
    int pseudonymizeContact(UUID contactId, String pseudonymousEmail, Instant at);

    record ErasedEvent(byte[] body, Map<String, String> headers, String payloadSha256, Optional<String> email,
            Optional<String> lastError, Instant erasedAt) {
        public ErasedEvent {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * One stored free text about an event: a review item's problems, a job's last error, an action job's payload
     * (the decision's snapshot), a failed attempt's error, an action delivery's detail.
     */
    record StoredText(Kind kind, String rowId, String text) {
        public enum Kind { REVIEW_REASON, REVIEW_PROBLEMS, JOB_ERROR, JOB_PAYLOAD, JOB_ATTEMPT_ERROR, DELIVERY_DETAIL }
    }
}
