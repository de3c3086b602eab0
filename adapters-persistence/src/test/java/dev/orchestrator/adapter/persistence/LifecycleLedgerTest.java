package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.LifecycleLedger;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.CrmObjectId;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.intake.EventStatus;
import dev.orchestrator.domain.rules.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SLA clocks kept by the contacts trigger, the stage/owner log, CRM events handled once, breaches acted on once. */
class LifecycleLedgerTest {
    private static final Instant T0 = Instant.parse("2026-11-16T14:00:00Z");
    private final MutableClock clock = MutableClock.at("2026-11-16T14:00:00Z");
    private final SequentialIds ids = new SequentialIds();
    private PersistenceAdapter persistence;
    private LifecycleLedger ledger;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        ledger = persistence.lifecycleLedger();
    }

    private Contact saved(String email, LifecycleStage stage, Optional<String> owner, Instant at) {
        Contact contact = new Contact(ids.newId(), EmailAddress.parse(email), PersonName.of("A", "B"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new CrmObjectId("crm-" + email)),
                stage, owner, 0, 0, Map.of(), at, at);
        persistence.contacts().save(contact);
        return contact;
    }

    @Test
    void aNewContactsClocksStartWhenItIsSaved() {
        Contact contact = saved("new@acme.com", LifecycleStage.SQL, Optional.of("owner-01"), T0);

        assertThat(ledger.clock(contact.id())).contains(new SlaClock(LifecycleStage.SQL, T0, Optional.of("owner-01"),
                Optional.of(T0), Optional.empty(), Optional.empty()));
    }

    @Test
    void aStageChangeRestartsTheStageClockAndAnOwnerChangeTheAssignmentClock() {
        Contact contact = saved("moves@acme.com", LifecycleStage.MQL, Optional.of("owner-01"), T0);
        Instant later = T0.plus(Duration.ofHours(3));
        Instant latest = T0.plus(Duration.ofHours(5));

        persistence.contacts().save(contact.withDecision(LifecycleStage.SQL, contact.ownerId(), 0, 0, later));
        persistence.contacts().save(contact.withDecision(LifecycleStage.SQL, Optional.of("owner-02"), 0, 0, latest));

        SlaClock clock = ledger.clock(contact.id()).orElseThrow();
        assertThat(clock.stageEnteredAt()).isEqualTo(later);
        assertThat(clock.ownerAssignedAt()).contains(latest);
        assertThat(clock.timerStartedAt()).isEqualTo(latest);
        assertThat(ledger.valuesSince(contact.id(), "owner", T0)).containsExactly("owner-02", "owner-01");
        assertThat(ledger.lastChanged(contact.id(), "stage")).contains(later);
    }

    @Test
    void anOlderTouchNeverReplacesANewerOne() {
        Contact contact = saved("touch@acme.com", LifecycleStage.SQL, Optional.of("owner-01"), T0);

        ledger.touch(contact.id(), T0.plusSeconds(600), "hubspot-user:1", "edit:firstname");
        ledger.touch(contact.id(), T0.plusSeconds(60), "hubspot-user:2", "edit:lastname");

        assertThat(ledger.clock(contact.id()).orElseThrow().touchedAt()).contains(T0.plusSeconds(600));
        assertThat(ledger.clock(contact.id()).orElseThrow().touchedBy()).contains("hubspot-user:1");
    }

    @Test
    void onlyOwnedUntouchedRecordsInTheStageAreSlaCandidates() {
        Contact late = saved("late@acme.com", LifecycleStage.SQL, Optional.of("owner-01"), T0);
        Contact touched = saved("touched@acme.com", LifecycleStage.SQL, Optional.of("owner-01"), T0);
        saved("unowned@acme.com", LifecycleStage.SQL, Optional.empty(), T0);
        saved("mql@acme.com", LifecycleStage.MQL, Optional.of("owner-01"), T0);
        saved("fresh@acme.com", LifecycleStage.SQL, Optional.of("owner-01"), T0.plus(Duration.ofDays(2)));
        ledger.touch(touched.id(), T0.plusSeconds(60), "hubspot-user:1", "edit:phone");

        assertThat(ledger.untouchedSince(LifecycleStage.SQL, T0.plus(Duration.ofDays(1)), 10))
                .containsExactly(late.id());
    }

    @Test
    void aCrmEventIsClaimedOnceWhateverDeliveryCarriesIt() {
        UUID first = new StoredEvents(persistence).event(ids.newId(), "hubspot", T0, Optional.empty(),
                EventStatus.RECEIVED);
        UUID second = new StoredEvents(persistence).event(ids.newId(), "hubspot", T0, Optional.empty(),
                EventStatus.RECEIVED);

        boolean claimed = ledger.claimCrmEvent("hubspot", "4242", first, "contact.propertyChange", "applied", T0);
        boolean again = ledger.claimCrmEvent("hubspot", "4242", second, "contact.propertyChange", "applied", T0);

        assertThat(claimed).isTrue();
        assertThat(again).isFalse();
        assertThat(ledger.crmEventHandledBy("hubspot", "4242")).contains(first);
    }

    @Test
    void aBreachOfOneTimerIsRecordedOnce() {
        Contact contact = saved("breach@acme.com", LifecycleStage.SQL, Optional.of("owner-01"), T0);

        boolean first = ledger.recordBreach(contact.id(), "sql-first-touch", T0, Optional.of("owner-01"),
                Optional.of("owner-02"), 540, T0.plus(Duration.ofDays(1)));
        boolean second = ledger.recordBreach(contact.id(), "sql-first-touch", T0, Optional.of("owner-01"),
                Optional.of("owner-03"), 600, T0.plus(Duration.ofDays(1)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(ledger.contactsWithCrmId(new CrmObjectId("crm-breach@acme.com"))).containsExactly(contact.id());
    }
}
