package dev.orchestrator.application.port.out.crm;

import java.util.Map;
import java.util.Set;

/**
 * The writes a data-quality backfill makes: read a record's current values (so the change can be audited and
 * undone), set fields, and merge a duplicate into the record that survives. Calls fail with {@link CrmFailure}.
 */
public interface CrmRecordFixes {
    String name();

    /** The record's current values of these fields (empty string when unset); a missing record is a failure. */
    Map<RecordField, String> read(RecordType type, String id, Set<RecordField> fields);

    /** Sets the fields; an empty value clears the field. */
    void write(RecordType type, String id, Map<RecordField, String> values);

    /**
     * Merges {@code loserId} into {@code winnerId} the way the CRM merges: the winner keeps its values and takes the
     * loser's where it has none, the loser's links move to the winner, the loser is gone and its id is remembered as
     * merged into the winner. Merging a loser already merged into this winner changes nothing ({@code false}).
     * A merge is two API requests, the check of the loser's state and the merge ({@code true}), or the check alone
     * ({@code false}): the backfill paces and budgets it so.
     */
    boolean merge(RecordType type, String winnerId, String loserId);
}
