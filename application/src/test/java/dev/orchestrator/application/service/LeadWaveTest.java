package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.dedupe.GuavaRegistrableDomains;
import dev.orchestrator.application.dedupe.InMemoryIdentityIndex;
import dev.orchestrator.application.dedupe.MatchRecordFactory;
import dev.orchestrator.application.port.out.SignalStore.NewSignal;
import dev.orchestrator.application.port.out.Transactions;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.validate.ValidatedLead;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.dedupe.MatchThresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A worker's wave: leads' final writes wait, are committed together, and never hide one lead's writes from another. */
class LeadWaveTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final MatchRecordFactory RECORDS = new MatchRecordFactory(new GuavaRegistrableDomains());
    private static final PersonMatching PEOPLE = new PersonMatching(InMemoryIdentityIndex.standard(),
            new MatchThresholds(6.5, 3.5), RECORDS);

    private final RecordingTransactions transactions = new RecordingTransactions();
    private final List<List<UUID>> written = new ArrayList<>();
    private final Set<UUID> refused = new java.util.HashSet<>();
    private final MutableClock clock = new MutableClock(NOW);
    private final LeadWave wave = new LeadWave(null, transactions, leads -> {
        if (leads.stream().anyMatch(lead -> refused.contains(lead.eventId()))) {
            throw new IllegalStateException("duplicate key value violates unique constraint");
        }
        written.add(leads.stream().map(LeadWrites::eventId).toList());
    }, clock);

    @Test
    void leadsSharingNoKeyAreWrittenTogetherInOneTransactionWhenTheWaveCommits() {
        LeadWrites ada = lead("ada@acme.example", "Ada", "Lovelace", "acme.example");
        LeadWrites cy = lead("cy@globex.example", "Cy", "Young", "globex.example");

        wave.write(ada);
        wave.beforeReading(readKeys("cy@globex.example", "Cy", "Young", "globex.example"));
        wave.write(cy);
        assertThat(written).isEmpty();

        assertThat(wave.commit()).isEmpty();
        assertThat(written).containsExactly(List.of(ada.eventId(), cy.eventId()));
        assertThat(transactions.count).isEqualTo(1);
    }

    @Test
    void aLeadWithTheEmailOfAWaitingLeadHasTheWaveCommittedBeforeItReads() {
        LeadWrites first = lead("ada@acme.example", "Ada", "Lovelace", "acme.example");
        wave.write(first);

        wave.beforeReading(() -> Set.of(WaveKeys.email(EmailAddress.parse("ada@acme.example"))));

        assertThat(written).containsExactly(List.of(first.eventId()));
    }

    @Test
    void aColleagueAtTheDomainOfAWaitingLeadHasTheWaveCommittedBeforeItReads() {
        LeadWrites ada = lead("ada@acme.example", "Ada", "Lovelace", "acme.example");
        wave.write(ada);

        wave.beforeReading(readKeys("bob@acme.example", "Bob", "Stone", "acme.example"));

        assertThat(written).containsExactly(List.of(ada.eventId()));
    }

    @Test
    void aLeadSharingOnlyAPersonKeyWithAWaitingLeadHasTheWaveCommittedBeforeItsLookup() {
        LeadWrites ada = lead("ada@acme.example", "Ada", "Lovelace", "acme.example");
        wave.write(ada);

        // Another address and company, the same name: the identity lookup would find Ada's record.
        wave.beforeReading(readKeys("a.lovelace@initech.example", "Ada", "Lovelace", "initech.example"));

        assertThat(written).containsExactly(List.of(ada.eventId()));
    }

    @Test
    void aLeadWhoseCompanyIsNamedLikeTheAccountAWaitingLeadCreatedHasTheWaveCommittedBeforeItsLookup() {
        LeadWrites ada = lead("ada@acme.example", "Ada", "Lovelace", "acme.example");
        LeadWrites withAccount = new LeadWrites(ada.eventId(), ada.contact(), ada.company(),
                Optional.of(RECORDS.toMatchRecord(new DedupeRecord("crm-company-7", "Globex Corporation",
                        "globex.example", "", "", "", "", "", "", "US"))),
                ada.person(), ada.review(), ada.signal(), ada.audit(), ada.actions());
        wave.write(withAccount);

        // Another domain, no shared person key: only the account lookup ("Globex Corp") would find it.
        wave.beforeReading(readKeys("cy@globex-corp.example", "Cy", "Young", "globex-corp.example", "Globex Corp"));

        assertThat(written).containsExactly(List.of(ada.eventId()));
    }

    @Test
    void twoPeopleWritingFromOneMailProviderDoNotWaitForEachOther() {
        LeadWrites ada = lead("ada.lovelace@gmail.com", "Ada", "Lovelace", "acme.example");
        wave.write(ada);

        wave.beforeReading(readKeys("cy.young@gmail.com", "Cy", "Young", "globex.example"));

        assertThat(written).isEmpty();
    }

    @Test
    void aWaveWhoseFirstLeadHasWaitedASecondIsCommittedBeforeTheNextLeadReads() {
        LeadWrites ada = lead("ada@acme.example", "Ada", "Lovelace", "acme.example");
        wave.write(ada);
        clock.advance(Duration.ofMillis(600));
        wave.beforeReading(readKeys("cy@globex.example", "Cy", "Young", "globex.example"));
        LeadWrites cy = lead("cy@globex.example", "Cy", "Young", "globex.example");
        wave.write(cy);
        assertThat(written).isEmpty();

        clock.advance(Duration.ofMillis(400));
        wave.beforeReading(readKeys("dee@initech.example", "Dee", "Ray", "initech.example"));

        assertThat(written).containsExactly(List.of(ada.eventId(), cy.eventId()));
    }

    @Test
    void whenTheWaveFailsTogetherEachLeadIsWrittenAloneAndOnlyTheOneThatFailsIsAnswered() {
        LeadWrites ada = lead("ada@acme.example", "Ada", "Lovelace", "acme.example");
        LeadWrites bad = lead("bad@initech.example", "Bea", "Dunn", "initech.example");
        LeadWrites cy = lead("cy@globex.example", "Cy", "Young", "globex.example");
        refused.add(bad.eventId());
        wave.write(ada);
        wave.write(bad);
        wave.write(cy);

        Map<UUID, RuntimeException> failed = wave.commit();

        assertThat(failed).containsOnlyKeys(bad.eventId());
        assertThat(written).containsExactly(List.of(ada.eventId()), List.of(cy.eventId()));
    }

    @Test
    void aFailureInAFlushBeforeALaterLeadIsAnsweredByTheCommitAndTheWaveGoesOn() {
        LeadWrites bad = lead("bad@initech.example", "Bea", "Dunn", "initech.example");
        refused.add(bad.eventId());
        wave.write(bad);
        wave.beforeReading(() -> Set.of(WaveKeys.email(EmailAddress.parse("bad@initech.example"))));
        LeadWrites cy = lead("cy@globex.example", "Cy", "Young", "globex.example");
        wave.write(cy);

        assertThat(wave.commit()).containsOnlyKeys(bad.eventId());
        assertThat(written).containsExactly(List.of(cy.eventId()));
        assertThat(wave.commit()).isEmpty();
    }

    private static Supplier<Set<String>> readKeys(String email, String first, String last, String domain) {
        return readKeys(email, first, last, domain, domain);
    }

    private static Supplier<Set<String>> readKeys(String email, String first, String last, String domain,
            String company) {
        ValidatedLead lead = new ValidatedLead(EmailAddress.parse(email), PersonName.of(first, last),
                Optional.of(company), Optional.of(domain), Optional.empty(), Optional.empty(), Optional.of(true),
                Map.of(), List.of());
        return () -> WaveKeys.read(lead.email(), lead.companyDomain(), PEOPLE.probe("lead", lead));
    }

    private static LeadWrites lead(String email, String first, String last, String domain) {
        UUID eventId = UUID.nameUUIDFromBytes(("event:" + email).getBytes());
        Contact contact = new Contact(UUID.nameUUIDFromBytes(email.getBytes()), EmailAddress.parse(email),
                PersonName.of(first, last), Optional.of(domain), Optional.of(domain), Optional.empty(),
                Optional.of(new CrmObjectId("crm-" + email)), LifecycleStage.LEAD, Optional.empty(), 0, 0, Map.of(),
                NOW, NOW);
        return new LeadWrites(eventId, contact, Optional.empty(), Optional.empty(),
                PEOPLE.record(contact.crmId().get(), contact), Optional.empty(),
                new NewSignal(eventId, contact.email(), "form_submitted", NOW, Optional.empty()), List.of(), List.of());
    }

    private static final class RecordingTransactions implements Transactions {
        int count;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            throw new AssertionError("a wave's writes are retryable");
        }

        @Override
        public <T> T inRetryableTransaction(Supplier<T> work) {
            count++;
            return work.get();
        }

        @Override
        public <T> T inSnapshot(Supplier<T> work) {
            throw new AssertionError("a wave reads nothing");
        }
    }
}
