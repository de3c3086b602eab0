package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.in.ForgetContactCommand;
import dev.orchestrator.application.port.in.ForgetOutcome;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.ContactDirectory;
import dev.orchestrator.application.port.out.PersonalDataStore;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.Transactions;
import dev.orchestrator.application.port.out.crm.CompanyDraft;
import dev.orchestrator.application.port.out.crm.ContactDraft;
import dev.orchestrator.application.port.out.crm.CrmCompany;
import dev.orchestrator.application.port.out.crm.CrmContact;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmHealth;
import dev.orchestrator.application.port.out.crm.CrmOwner;
import dev.orchestrator.application.privacy.Pseudonyms;
import dev.orchestrator.application.testing.AcceptingParser;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The order of an erasure: the CRM first, and nothing local erased when the CRM fails. */
class ForgetContactServiceTest {
    private static final Instant NOW = Instant.parse("2026-01-05T10:15:30Z");
    private static final EmailAddress ADA = EmailAddress.parse("ada@analytical.example");
    private static final Contact CONTACT = new Contact(new UUID(0, 7), ADA, PersonName.of("Ada", "Lovelace"),
            Optional.of("Analytical Engines"), Optional.of("analytical.example"), Optional.of("+14158675309"),
            Optional.of(new CrmObjectId("101")), LifecycleStage.LEAD, Optional.empty(), 0, 0, java.util.Map.of(), NOW,
            NOW);

    private final List<String> writes = new ArrayList<>();
    private final List<CrmObjectId> crmDeletes = new ArrayList<>();
    private final dev.orchestrator.application.dedupe.InMemoryIdentityIndex people =
            dev.orchestrator.application.dedupe.InMemoryIdentityIndex.standard();
    private final List<AuditEvent> audit = new ArrayList<>();
    private Optional<CrmFailure> crmFails = Optional.empty();
    /** Entries of other people's traces the store finds naming Ada; what each was scrubbed to. */
    private List<AuditEvent> othersNamingAda = List.of();
    private final Map<UUID, String> scrubbed = new java.util.HashMap<>();

    @Test
    void another_persons_dedupe_entry_naming_her_keeps_his_values_and_loses_hers_without_being_marked_erased() {
        UUID bobsEntry = new UUID(0, 42);
        java.util.Map<String, String> evidence = new java.util.LinkedHashMap<>();
        evidence.put("decision", "NoMatch");
        evidence.put("contact", "101");
        evidence.put("feature.email", "bob@construct.example vs ada@analytical.example");
        evidence.put("feature.phone", "+12125550199 vs +14158675309");
        evidence.put("feature.last_name", "Builder vs Lovelace");
        othersNamingAda = List.of(new AuditEvent(bobsEntry, NOW, AuditKind.MATCHED, "contact",
                Optional.of("bob-contact"), new UUID(0, 43), Actor.system("dedupe"),
                "no person matched (closest: CRM contact 101) (score 1.0)", Optional.empty(), Optional.empty(),
                evidence));

        service(true).forget(ForgetContactCommand.byId(CONTACT.id(), "test"));

        assertThat(writes).contains("scrub " + bobsEntry).doesNotContain("audit " + bobsEntry);
        assertThat(scrubbed.get(bobsEntry)).contains("bob@construct.example", "+12125550199", "Builder")
                .doesNotContain("ada@analytical.example").doesNotContain("8675309").doesNotContain("Lovelace");
    }

    @Test
    void a_crm_that_fails_the_deletion_leaves_everything_here_as_it_was() {
        crmFails = Optional.of(new CrmFailure(CrmFailure.Kind.RETRYABLE, "503 from the CRM"));

        ForgetOutcome outcome = service(true).forget(ForgetContactCommand.byId(CONTACT.id(), "test"));

        assertThat(outcome).isEqualTo(new ForgetOutcome.CrmFailed("fake did not delete the contact: RETRYABLE", true));
        assertThat(writes).isEmpty();
        assertThat(audit).isEmpty();
    }

    @Test
    void a_forgotten_person_leaves_the_identity_index() {
        PersonMatching matching = new PersonMatching(people, dev.orchestrator.domain.dedupe.MatchThresholds.DEFAULT,
                new dev.orchestrator.application.dedupe.MatchRecordFactory(
                        new dev.orchestrator.application.dedupe.GuavaRegistrableDomains()));
        matching.remember(new CrmObjectId("101"), CONTACT);

        service(true).forget(ForgetContactCommand.byEmail("ADA@analytical.example", "test"));

        assertThat(matching.match("probe", new dev.orchestrator.application.validate.ValidatedLead(
                dev.orchestrator.domain.crm.EmailAddress.parse("ada.l@analytical.example"),
                PersonName.of("Ada", "Lovelace"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), java.util.Map.of(), List.of())).candidate()).isEmpty();
    }

    @Test
    void the_crm_is_asked_to_delete_the_contact_by_the_id_it_gave() {
        ForgetOutcome outcome = service(true).forget(ForgetContactCommand.byEmail("ADA@analytical.example", "test"));

        assertThat(crmDeletes).containsExactly(new CrmObjectId("101"));
        assertThat(outcome).isInstanceOfSatisfying(ForgetOutcome.Forgotten.class,
                f -> assertThat(f.crm()).isEqualTo("deleted in fake (object 101)"));
        assertThat(writes).contains("raw " + new UUID(0, 1), "contact " + CONTACT.id());
    }

    @Test
    void with_crm_deletion_off_the_crm_is_not_called_and_the_audit_says_so() {
        service(false).forget(ForgetContactCommand.byId(CONTACT.id(), "test"));

        assertThat(crmDeletes).isEmpty();
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.evidence()).containsEntry("crm", "CRM deletion not configured");
            assertThat(e.actor().name()).isEqualTo("test");
            assertThat(e.toString()).doesNotContain("ada@").doesNotContain("Lovelace").doesNotContain("8675309");
        });
    }

    @Test
    void an_unknown_person_is_not_found_and_nothing_is_written() {
        ForgetOutcome outcome = service(true).forget(ForgetContactCommand.byEmail("nobody@nowhere.example", "test"));

        assertThat(outcome).isInstanceOf(ForgetOutcome.NotFound.class);
        assertThat(writes).isEmpty();
        assertThat(audit).isEmpty();
    }

    private ForgetContactService service(boolean deleteInCrm) {
        ContactDirectory contacts = new ContactDirectory() {
            @Override
            public Optional<Contact> findByEmail(EmailAddress email) {
                return email.equals(ADA) ? Optional.of(CONTACT) : Optional.empty();
            }

            @Override
            public Optional<Contact> findById(UUID id) {
                return id.equals(CONTACT.id()) ? Optional.of(CONTACT) : Optional.empty();
            }

            @Override
            public void save(Contact contact) {
                writes.add("save " + contact.id());
            }

            @Override
            public List<Contact> dueForSweep(java.util.Set<LifecycleStage> stages, Instant notUpdatedSince,
                    int limit) {
                return List.of();
            }

            @Override
            public java.util.Map<String, Integer> openLeadsByOwner() {
                return java.util.Map.of();
            }
        };
        AuditLog auditLog = new AuditLog() {
            @Override
            public void append(AuditEvent event) {
                audit.add(event);
            }

            @Override
            public List<AuditEvent> byCorrelation(UUID correlationId) {
                return List.of();
            }

            @Override
            public List<AuditEvent> byEntity(String entityType, String entityId) {
                return List.of();
            }
        };
        Transactions transactions = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }

            @Override
            public <T> T inRetryableTransaction(Supplier<T> work) {
                return work.get();
            }

            @Override
            public <T> T inSnapshot(Supplier<T> work) {
                return work.get();
            }
        };
        return new ForgetContactService(contacts, new RecordingStore(), new FakeCrm(), deleteInCrm,
                new AcceptingParser(), auditLog, transactions,
                new Pseudonyms("service-test-key-of-32-bytes-long".getBytes(StandardCharsets.UTF_8)),
                new SequentialIds(), new MutableClock(NOW), people);
    }

    /** Ada has one raw event; every rewrite is recorded. */
    private final class RecordingStore implements PersonalDataStore {
        @Override
        public List<RawEvent> rawEventsOf(String email, Optional<UUID> contactId) {
            if (!email.equals(ADA.value())) {
                return List.of();
            }
            return List.of(new RawEvent(new UUID(0, 1), "form", "msg_1", "form:msg_1", NOW, Optional.empty(),
                    Map.of(), "{}".getBytes(StandardCharsets.UTF_8), "sha", dev.orchestrator.domain.intake.EventStatus.DONE,
                    Optional.empty()));
        }

        @Override
        public List<RawEvent> rawEventsReceivedBefore(Instant cutoff, int limit) {
            return List.of();
        }

        @Override
        public void rewriteRawEvent(UUID eventId, ErasedEvent erased) {
            writes.add("raw " + eventId);
        }

        @Override
        public List<AuditEvent> auditOf(Optional<UUID> contactId, Set<UUID> eventIds) {
            return List.of();
        }

        @Override
        public List<AuditEvent> auditRecordedBefore(Instant cutoff, int limit) {
            return List.of();
        }

        @Override
        public void rewriteAudit(UUID auditId, String summary, Map<String, String> evidence, Instant erasedAt) {
            writes.add("audit " + auditId);
        }

        @Override
        public List<AuditEvent> auditNaming(String email, Optional<String> crmContactId, Set<UUID> known) {
            return email.equals(ADA.value()) && crmContactId.equals(Optional.of("101")) ? othersNamingAda : List.of();
        }

        @Override
        public void scrubAudit(UUID auditId, String summary, Map<String, String> evidence) {
            writes.add("scrub " + auditId);
            scrubbed.put(auditId, summary + " " + evidence);
        }

        @Override
        public List<StoredText> reviewTextsNaming(String email, Set<UUID> excludingEvents) {
            return List.of();
        }

        @Override
        public List<StoredText> textsOf(Set<UUID> eventIds) {
            return List.of();
        }

        @Override
        public void rewriteText(StoredText text, String replacement) {
            writes.add("text " + text.rowId());
        }

        @Override
        public int pseudonymizeContact(UUID contactId, String pseudonymousEmail, Instant at) {
            writes.add("contact " + contactId);
            return 1;
        }
    }

    private final class FakeCrm implements CrmGateway {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Optional<CrmContact> findContactByEmail(EmailAddress email) {
            return Optional.empty();
        }

        @Override
        public CrmObjectId createContact(ContactDraft draft) {
            throw new AssertionError("an erasure must not call this");
        }

        @Override
        public void updateContact(CrmObjectId id, ContactDraft draft) {
            throw new AssertionError("an erasure must not call this");
        }

        @Override
        public Optional<CrmCompany> findCompanyByDomain(String domain) {
            return Optional.empty();
        }

        @Override
        public CrmObjectId createCompany(CompanyDraft draft) {
            throw new AssertionError("an erasure must not call this");
        }

        @Override
        public void updateCompany(CrmObjectId id, CompanyDraft draft) {
            throw new AssertionError("an erasure must not call this");
        }

        @Override
        public void associateContactWithCompany(CrmObjectId contactId, CrmObjectId companyId) {
            throw new AssertionError("an erasure must not call this");
        }

        @Override
        public List<CrmOwner> owners() {
            return List.of();
        }

        @Override
        public CrmHealth health() {
            return new CrmHealth("fake", true, "fake");
        }

        @Override
        public void forgetContact(CrmObjectId id) {
            if (crmFails.isPresent()) {
                throw crmFails.get();
            }
            crmDeletes.add(id);
        }
    }
}
