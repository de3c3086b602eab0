package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.validate.ValidatedLead;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.merge.MergePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContactMergeTest {
    private static final Instant EARLIER = Instant.parse("2026-01-05T10:15:30Z");
    private static final Instant NOW = Instant.parse("2026-02-05T10:15:30Z");
    private final MergePolicy policy = MergePolicy.standard();

    private static CrmContact inCrm(String first, Optional<String> owner) {
        return new CrmContact(new CrmObjectId("101"), EmailAddress.parse("robert.smith@acme.com"),
                PersonName.of(first, "Smith"), Optional.of("Acme"), Optional.of("+14155552671"), Optional.of("lead"),
                owner);
    }

    private static Contact ours(String first) {
        return new Contact(UUID.nameUUIDFromBytes(new byte[] {1}), EmailAddress.parse("robert.smith@acme.com"),
                PersonName.of(first, "Smith"), Optional.of("Acme"), Optional.of("acme.com"),
                Optional.of("+14155552671"), Optional.of(new CrmObjectId("101")), LifecycleStage.LEAD,
                Optional.empty(), 0, 0, Map.of(), EARLIER, EARLIER);
    }

    private static ValidatedLead lead(String first, String phone) {
        return new ValidatedLead(EmailAddress.parse("bob@acme.com"), PersonName.of(first, "Smith"),
                Optional.of("Acme"), Optional.of("acme.com"), Optional.of(phone), Optional.empty(),
                Optional.of(true), Map.of(), List.of());
    }

    @Test
    void a_name_a_person_changed_in_the_crm_is_kept_against_the_form() {
        ContactMerge merge = ContactMerge.of(policy, inCrm("Rob", Optional.empty()), Optional.of(ours("Robert")),
                lead("Bob", "+14155552671"), Optional.empty(), "sandbox", NOW);

        assertThat(merge.changed(ContactMerge.FIRST_NAME)).isEmpty();
        assertThat(merge.result(ContactMerge.FIRST_NAME, Optional.empty())).contains("Rob");
    }

    @Test
    void a_name_the_last_form_wrote_is_replaced_by_the_newer_form() {
        ContactMerge merge = ContactMerge.of(policy, inCrm("Robert", Optional.empty()), Optional.of(ours("Robert")),
                lead("Bob", "+14155552671"), Optional.empty(), "sandbox", NOW);

        assertThat(merge.changed(ContactMerge.FIRST_NAME)).contains("Bob");
    }

    @Test
    void the_crm_owner_is_never_overwritten_by_routing() {
        ContactMerge merge = ContactMerge.of(policy, inCrm("Robert", Optional.of("owner-1")), Optional.empty(),
                lead("Bob", "+14155552671"), Optional.of("owner-2"), "sandbox", NOW);

        assertThat(merge.result(MergePolicy.OWNER, Optional.empty())).contains("owner-1");
        assertThat(merge.draft(inCrm("Robert", Optional.of("owner-1")), Optional.of("lead")).ownerId()).isEmpty();
    }

    @Test
    void the_draft_keeps_the_contacts_own_email_and_sends_only_changes() {
        ContactMerge merge = ContactMerge.of(policy, inCrm("Robert", Optional.empty()), Optional.empty(),
                lead("Bob", "+14155550000"), Optional.empty(), "sandbox", NOW);

        ContactDraft draft = merge.draft(inCrm("Robert", Optional.empty()), Optional.of("lead"));

        assertThat(draft.email().value()).isEqualTo("robert.smith@acme.com");
        assertThat(draft.name().first()).isEmpty();
        assertThat(draft.company()).isEmpty();
    }
}
