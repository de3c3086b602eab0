package dev.orchestrator.adapter.crm.salesforce;

import dev.orchestrator.application.port.out.crm.CrmEngagements;
import dev.orchestrator.application.port.out.crm.NoteDraft;
import dev.orchestrator.application.port.out.crm.TaskDraft;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tasks and notes are Salesforce {@code Task} records on the contact ({@code WhoId}), upserted on
 * {@code Orchestrator_Id__c}. A note is a completed Task (logged activity) carrying the text in its
 * {@code Description}: the classic {@code Note} object takes no custom field to key it by, and a logged activity is
 * where a rep reads what happened.
 */
final class SalesforceEngagements implements CrmEngagements {
    private static final int SUBJECT_MAX = 255;

    private final SalesforceRecords records;

    SalesforceEngagements(SalesforceRecords records) {
        this.records = records;
    }

    @Override
    public CrmObjectId createTask(TaskDraft task) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("WhoId", task.contactId().value());
        values.put("Subject", shorten(task.subject()));
        values.put("Description", task.body());
        values.put("ActivityDate", LocalDate.ofInstant(task.dueAt(), ZoneOffset.UTC).toString());
        values.put("Status", "Not Started");
        values.put("Priority", "Normal");
        task.ownerId().ifPresent(owner -> values.put("OwnerId", owner));
        return records.upsert("Task", task.idempotencyKey(), values);
    }

    @Override
    public CrmObjectId createNote(NoteDraft note) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("WhoId", note.contactId().value());
        values.put("Subject", shorten("Note: " + note.body().lines().findFirst().orElse("")));
        values.put("Description", note.body());
        values.put("ActivityDate", LocalDate.ofInstant(note.at(), ZoneOffset.UTC).toString());
        values.put("Status", "Completed");
        values.put("Priority", "Normal");
        return records.upsert("Task", note.idempotencyKey(), values);
    }

    private static String shorten(String text) {
        return text.length() <= SUBJECT_MAX ? text : text.substring(0, SUBJECT_MAX - 1) + "…";
    }
}
