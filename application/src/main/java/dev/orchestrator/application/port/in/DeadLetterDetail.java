package dev.orchestrator.application.port.in;

import dev.orchestrator.application.port.out.DeadLetter;
import dev.orchestrator.application.port.out.JobLedger.JobAttempt;
import dev.orchestrator.domain.audit.AuditEvent;
import java.util.List;

/** One dead letter with its last error body, every failed attempt, and its event's decision trace. */
public record DeadLetterDetail(DeadLetter deadLetter, String kind, List<JobAttempt> attempts,
        List<AuditEvent> trace) {
    public DeadLetterDetail {
        attempts = List.copyOf(attempts);
        trace = List.copyOf(trace);
    }
}
