package dev.orchestrator.application.port.out;

import java.util.Optional;

/**
 * Where the identity-index backfill over a CRM stands: per CRM and object type, the paging cursor of the next
 * page to index, so a stopped backfill resumes there. {@code done} marks a completed pass.
 */
public interface IdentityBackfillCursors {
    record Position(Optional<String> nextCursor, long indexed, boolean done) {
    }

    Optional<Position> position(String crm, String objectType);

    void save(String crm, String objectType, Position position);

    /** Forgets the position, so the next backfill starts from the first page. */
    void reset(String crm, String objectType);
}
