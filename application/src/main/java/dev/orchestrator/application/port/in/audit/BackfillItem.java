package dev.orchestrator.application.port.in.audit;

import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.application.port.out.crm.RecordType;
import dev.orchestrator.domain.shared.Require;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One change of a backfill job, as planned by the dry run and then as done.
 *
 * @param recordId the record changed (for a merge: the survivor)
 * @param field    the field written (empty for a merge)
 * @param before   the value the dry run saw, then the value the run found and replaced (what undo restores)
 * @param after    the value written (for a merge: the survivor's id)
 * @param mergeIds the records merged into the survivor (empty unless a merge)
 * @param reason   the audit finding that proposed it
 * @param note     what the run said about it (empty until it ran)
 */
public record BackfillItem(UUID jobId, int seq, FixKind kind, RecordType recordType, String recordId,
        Optional<RecordField> field, String before, String after, List<String> mergeIds, ItemStatus status,
        String reason, String note) {
    public BackfillItem {
        Require.present("jobId", jobId);
        Require.present("kind", kind);
        Require.present("recordType", recordType);
        Require.notBlank("recordId", recordId);
        Require.present("field", field);
        Require.present("before", before);
        Require.present("after", after);
        mergeIds = List.copyOf(mergeIds);
        Require.present("status", status);
        Require.present("reason", reason);
        Require.present("note", note);
    }

    /** Records a merge touches: the survivor and the merged ones. */
    public int clusterSize() {
        return mergeIds.size() + 1;
    }

    public BackfillItem withStatus(ItemStatus newStatus, String newBefore, String newNote) {
        return new BackfillItem(jobId, seq, kind, recordType, recordId, field, newBefore, after, mergeIds, newStatus,
                reason, newNote);
    }
}
