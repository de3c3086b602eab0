package dev.orchestrator.web.rules;

import dev.orchestrator.application.port.in.RecordHistory;
import java.time.Instant;
import java.util.List;

/**
 * What a dry run replays: the seeded sandbox, or on a live deployment the contacts of the stored events of the
 * last N days. The CLI, the API and the sandbox page ask the same object, so they replay the same records.
 */
public interface DryRunPopulations {
    /** The records, the moment the replay runs up to, and a line that says which population this is. */
    record Population(String description, List<RecordHistory> records, Instant asOf) {
        public Population {
            records = List.copyOf(records);
        }
    }

    Population sandbox();

    /** Throws {@link IllegalArgumentException} for a number of days out of range. */
    Population storedEvents(int days);
}
