package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.ContactUpsert;
import dev.orchestrator.application.port.out.crm.CrmContactBatches;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import java.util.ArrayList;
import java.util.List;

/** The sandbox CRM's batch upsert: its create is already an upsert by email, so a batch is that, row by row. */
final class SandboxContactBatches implements CrmContactBatches {
    private final CrmGateway contacts;

    SandboxContactBatches(CrmGateway contacts) {
        this.contacts = contacts;
    }

    @Override
    public List<ContactUpsert> upsertContacts(List<ContactDraft> drafts) {
        List<ContactUpsert> results = new ArrayList<>();
        for (ContactDraft draft : drafts) {
            try {
                boolean known = contacts.findContactByEmail(draft.email()).isPresent();
                results.add(ContactUpsert.written(draft.email(), contacts.createContact(draft), !known));
            } catch (CrmFailure failure) {
                results.add(ContactUpsert.failed(draft.email(), failure));
            }
        }
        return results;
    }
}
