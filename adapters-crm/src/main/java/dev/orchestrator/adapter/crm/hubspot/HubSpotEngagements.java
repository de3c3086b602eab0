package dev.orchestrator.adapter.crm.hubspot;

import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.NoteDraft;
import dev.orchestrator.application.port.out.crm.TaskDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Notes and tasks through the CRM v3 object API, upserted on our unique key property (so a retried write is the
 * same note or task) and then linked to the contact with HubSpot's own association type (note→contact 202,
 * task→contact 204). Both steps are idempotent, so a retry after either one failed completes the pair.
 * Tasks made through the API send the rep no notification; the task queue shows them.
 */
final class HubSpotEngagements implements CrmEngagements {
    private static final String HUBSPOT_TASK_TYPE_TO_DO = "TODO";
    static final String NOTES = "/crm/v3/objects/notes";
    static final String TASKS = "/crm/v3/objects/tasks";
    static final int NOTE_TO_CONTACT = 202;
    static final int TASK_TO_CONTACT = 204;

    private final HubSpotObjects objects;

    HubSpotEngagements(HubSpotObjects objects) {
        this.objects = objects;
    }

    @Override
    public CrmObjectId createTask(TaskDraft task) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hs_timestamp", Long.toString(task.dueAt().toEpochMilli()));
        properties.put("hs_task_subject", task.subject());
        properties.put("hs_task_body", task.body());
        properties.put("hs_task_status", "NOT_STARTED");
        // HubSpot's task types are CALL, EMAIL and TODO; a rule's task says what to do, not how, so it is a to-do.
        properties.put("hs_task_type", HUBSPOT_TASK_TYPE_TO_DO);
        task.ownerId().ifPresent(owner -> properties.put("hubspot_owner_id", owner));
        CrmObjectId id = objects.upsert("task", TASKS, task.idempotencyKey(), properties);
        objects.associate("tasks", id, "contacts", task.contactId(), TASK_TO_CONTACT);
        return id;
    }

    @Override
    public CrmObjectId createNote(NoteDraft note) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hs_timestamp", Long.toString(note.at().toEpochMilli()));
        properties.put("hs_note_body", note.body());
        CrmObjectId id = objects.upsert("note", NOTES, note.idempotencyKey(), properties);
        objects.associate("notes", id, "contacts", note.contactId(), NOTE_TO_CONTACT);
        return id;
    }
}
