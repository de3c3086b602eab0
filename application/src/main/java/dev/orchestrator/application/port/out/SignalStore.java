package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.crm.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Behavioural signals per person, the input of behaviour scoring and "signal … within Nd" conditions. */
public interface SignalStore {
    /** Records a signal once per event; a replay of the same event records nothing new. */
    void record(UUID eventId, EmailAddress email, String type, Instant occurredAt, Optional<String> url);

    /** {@link #record} for several events' signals at once (a worker's wave of leads). */
    default void recordAll(List<NewSignal> signals) {
        signals.forEach(s -> record(s.eventId(), s.email(), s.type(), s.occurredAt(), s.url()));
    }

    /** A signal to record, and the event it came with. */
    record NewSignal(UUID eventId, EmailAddress email, String type, Instant occurredAt, Optional<String> url) {
    }

    /** The person's signals since {@code since}, newest first. */
    List<StoredSignal> since(EmailAddress email, Instant since);

    record StoredSignal(String type, Instant occurredAt, Optional<String> url) {
    }
}
