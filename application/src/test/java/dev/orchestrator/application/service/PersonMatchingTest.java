package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.dedupe.GuavaRegistrableDomains;
import dev.orchestrator.application.dedupe.InMemoryIdentityIndex;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.validate.ValidatedLead;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.dedupe.MatchThresholds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonMatchingTest {
    private static final Instant NOW = Instant.parse("2026-01-05T10:15:30Z");
    private final InMemoryIdentityIndex index = InMemoryIdentityIndex.standard();
    private final PersonMatching people = new PersonMatching(index, new MatchThresholds(6.5, 3.5),
            new MatchRecordFactory(new GuavaRegistrableDomains()));

    private static Contact aContact(String email, String first, String last, String phone) {
        return new Contact(UUID.nameUUIDFromBytes(email.getBytes()), EmailAddress.parse(email),
                PersonName.of(first, last), Optional.of("Acme"), Optional.of("acme.com"),
                Optional.ofNullable(phone), Optional.empty(), LifecycleStage.LEAD, Optional.empty(), 0, 0, Map.of(),
                NOW, NOW);
    }

    private static ValidatedLead aLead(String email, String first, String last, String phone) {
        return new ValidatedLead(EmailAddress.parse(email), PersonName.of(first, last), Optional.of("Acme"),
                Optional.of("acme.com"), Optional.ofNullable(phone), Optional.empty(), Optional.of(true), Map.of(),
                List.of());
    }

    @Test
    void a_nickname_at_the_same_company_with_the_same_phone_is_the_same_person() {
        people.remember(new CrmObjectId("101"), aContact("robert.smith@acme.com", "Robert", "Smith",
                "+14155552671"));

        PersonMatch match = people.match("e1", aLead("bob@acme.com", "Bob", "Smith", "+14155552671"));

        assertThat(match.isDuplicate()).isTrue();
        assertThat(match.crmContactId()).contains("101");
        assertThat(match.evidence()).containsKeys("feature.first_name", "feature.phone", "feature.employer");
    }

    @Test
    void the_same_name_at_the_same_company_without_a_phone_is_only_a_possible_match() {
        people.remember(new CrmObjectId("101"), aContact("robert.smith@acme.com", "Robert", "Smith", null));

        PersonMatch match = people.match("e1", aLead("bob@acme.com", "Bob", "Smith", null));

        assertThat(match.isPossibleDuplicate()).isTrue();
    }

    @Test
    void another_name_at_the_same_company_is_no_match() {
        people.remember(new CrmObjectId("101"), aContact("robert.smith@acme.com", "Robert", "Smith", null));

        PersonMatch match = people.match("e1", aLead("alice.jones@acme.com", "Alice", "Jones", null));

        assertThat(match.isDuplicate() || match.isPossibleDuplicate()).isFalse();
    }

    @Test
    void a_contact_without_a_name_is_not_indexed_as_a_person() {
        people.remember(new CrmObjectId("101"), new Contact(UUID.nameUUIDFromBytes(new byte[] {9}), EmailAddress.parse("x@acme.com"),
                PersonName.unknown(), Optional.empty(), Optional.of("acme.com"), Optional.of("+14155552671"),
                Optional.empty(), LifecycleStage.LEAD, Optional.empty(), 0, 0, Map.of(), NOW, NOW));

        assertThat(people.match("e1", aLead("bob@acme.com", "Bob", "Smith", "+14155552671")).candidate())
                .isEmpty();
    }

    @Test
    void a_lead_sharing_no_key_with_anyone_is_compared_with_nobody() {
        people.remember(new CrmObjectId("101"), aContact("robert.smith@acme.com", "Robert", "Smith", null));

        PersonMatch match = people.match("e1", new ValidatedLead(EmailAddress.parse("zed@globex.io"),
                PersonName.of("Zed", "Quill"), Optional.empty(), Optional.of("globex.io"), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), List.of()));

        assertThat(match.comparisons()).isZero();
    }
}
