package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.CompanyDirectory.KnownCompany;
import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import dev.orchestrator.application.port.out.SignalStore.NewSignal;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.rules.TriggeredAction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a lead's outcome writes to our own state once its CRM calls are answered, as data, so a worker's wave can
 * write several leads' in one statement per table ({@link LeadWave}); written alone, it is the lead's one
 * transaction as before. {@code company} is the company row only when the lead changed it; {@code account} and
 * {@code person} the identity index's records of the company and the contact.
 */
record LeadWrites(UUID eventId, Contact contact, Optional<KnownCompany> company, Optional<MatchRecord> account,
        Optional<MatchRecord> person, Optional<DuplicateReview> review, NewSignal signal, List<AuditEvent> audit,
        List<TriggeredAction> actions) {

    LeadWrites {
        audit = List.copyOf(audit);
        actions = List.copyOf(actions);
    }

    /** A possible duplicate contact put to review beside the lead. */
    record DuplicateReview(String reason, List<FieldProblem> problems, Instant at) {
    }
}
