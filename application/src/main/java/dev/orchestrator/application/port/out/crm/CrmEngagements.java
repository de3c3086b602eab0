package dev.orchestrator.application.port.out.crm;

import dev.orchestrator.domain.crm.CrmObjectId;

/**
 * Notes and tasks on a CRM record (HubSpot engagements, Salesforce Tasks). Each write carries an idempotency key:
 * writing the same key again answers the first record's id and creates nothing, so a job retried after a timeout
 * or a crash never leaves a second task on the rep's list.
 */
public interface CrmEngagements {
    CrmObjectId createTask(TaskDraft task);

    CrmObjectId createNote(NoteDraft note);
}
