package dev.orchestrator.application.service;

import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.validate.ValidatedLead;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.merge.FieldValue;
import dev.orchestrator.domain.merge.MergeOutcome;
import dev.orchestrator.domain.merge.MergePolicy;
import dev.orchestrator.domain.merge.SourceRanking;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form lead merged onto the CRM contact it was matched with. The CRM's value counts as ours (a form, when we
 * last wrote it) when it equals what our contact holds, else as a person's ({@code crm-user}); the lead offers the
 * form's values and the owner routing chose. The contact keeps its e-mail: the lead's is another address of it.
 */
record ContactMerge(List<MergeOutcome> outcomes) {
    static final String FIRST_NAME = "first_name";
    static final String LAST_NAME = "last_name";
    static final String COMPANY = "company";
    static final String PHONE = "phone";

    static ContactMerge of(MergePolicy policy, CrmContact crm, Optional<Contact> ours, ValidatedLead lead,
            Optional<String> routedOwner, String crmName, Instant now) {
        Map<String, FieldValue> current = new LinkedHashMap<>();
        held(current, FIRST_NAME, crm.name().first(), ours.flatMap(c -> c.name().first()), ours, crmName);
        held(current, LAST_NAME, crm.name().last(), ours.flatMap(c -> c.name().last()), ours, crmName);
        held(current, COMPANY, crm.company(), ours.flatMap(Contact::company), ours, crmName);
        held(current, PHONE, crm.phone(), ours.flatMap(Contact::phone), ours, crmName);
        held(current, MergePolicy.OWNER, crm.ownerId(), ours.flatMap(Contact::ownerId), ours, crmName);
        Map<String, FieldValue> offered = new LinkedHashMap<>();
        offer(offered, FIRST_NAME, lead.name().first(), SourceRanking.FORM, now);
        offer(offered, LAST_NAME, lead.name().last(), SourceRanking.FORM, now);
        offer(offered, COMPANY, lead.company(), SourceRanking.FORM, now);
        offer(offered, PHONE, lead.phoneE164(), SourceRanking.FORM, now);
        offer(offered, MergePolicy.OWNER, routedOwner, "routing", now);
        return new ContactMerge(policy.decideAll(current, offered));
    }

    /** What the CRM is told: the contact's own e-mail, and only the fields the policy changes. */
    ContactDraft draft(CrmContact crm, Optional<String> stage) {
        return new ContactDraft(crm.email(), new PersonName(changed(FIRST_NAME), changed(LAST_NAME)),
                changed(COMPANY), changed(PHONE), stage, changed(MergePolicy.OWNER));
    }

    /** The value the record holds after the merge (changed or kept), falling back to {@code otherwise}. */
    Optional<String> result(String field, Optional<String> otherwise) {
        return outcomes.stream().filter(o -> o.field().equals(field)).findFirst()
                .map(o -> o.result().value()).or(() -> otherwise);
    }

    Optional<String> changed(String field) {
        return outcomes.stream().filter(o -> o.field().equals(field) && o.changes()).findFirst()
                .map(o -> o.result().value());
    }

    private static void held(Map<String, FieldValue> current, String field, Optional<String> inCrm,
            Optional<String> inOurs, Optional<Contact> ours, String crmName) {
        inCrm.filter(v -> !v.isBlank()).ifPresent(value -> current.put(field, inOurs.filter(value::equals).isPresent()
                ? new FieldValue(value, SourceRanking.FORM, "", ours.orElseThrow().updatedAt(), 1.0)
                : new FieldValue(value, SourceRanking.CRM_USER, crmName, Instant.MIN, 1.0)));
    }

    private static void offer(Map<String, FieldValue> offered, String field, Optional<String> value, String source,
            Instant now) {
        value.filter(v -> !v.isBlank()).ifPresent(v -> offered.put(field, FieldValue.of(v, source, now)));
    }
}
