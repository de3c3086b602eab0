package dev.orchestrator.application.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.application.port.out.CompanyDirectory;
import dev.orchestrator.application.port.out.CompanyDirectory.KnownCompany;
import dev.orchestrator.application.port.out.ContactDirectory;
import dev.orchestrator.application.port.out.SignalStore;
import dev.orchestrator.application.port.out.SignalStore.StoredSignal;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.rules.Signal;
import dev.orchestrator.domain.rules.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredEventHistoriesTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final EmailAddress KNOWN = EmailAddress.parse("maria@atlantacloud.com");
    private static final EmailAddress STRANGER = EmailAddress.parse("someone@nowhere.example");
    private static final Contact MARIA = new Contact(UUID.fromString("00000000-0000-0000-0000-0000000000c1"), KNOWN,
            PersonName.of("Maria", "Lopez"), Optional.of("Atlanta Cloud"), Optional.of("atlantacloud.com"),
            Optional.empty(), Optional.empty(), LifecycleStage.MQL, Optional.of("owner-05"), 40, 20,
            Map.of("email", KNOWN.value(), "country", "US"), NOW.minus(Duration.ofDays(40)), NOW);
    private static final KnownCompany ATLANTA = new KnownCompany("atlantacloud.com", Optional.of("Atlanta Cloud"),
            Optional.empty(), Optional.of(2674), Optional.of("software"), Optional.empty(), Optional.empty(),
            Optional.of("US"), Optional.empty(), List.of("salesforce"), NOW);

    private final List<Instant> askedSince = new ArrayList<>();
    private final StoredEventHistories histories = new StoredEventHistories((since, limit) -> {
        askedSince.add(since);
        return List.of(KNOWN, STRANGER);
    }, contacts(), companies(), signals());

    @Test
    void the_contacts_of_the_stored_events_are_replayed_from_their_creation_as_leads_without_an_owner() {
        List<RecordHistory> replayed = histories.lastDays(7, NOW, 100);

        assertThat(askedSince).containsExactly(NOW.minus(Duration.ofDays(7)));
        assertThat(replayed).singleElement().satisfies(history -> {
            assertThat(history.recordId()).isEqualTo(MARIA.id().toString());
            assertThat(history.createdAt()).isEqualTo(MARIA.createdAt());
            assertThat(history.initialStage()).isEqualTo(LifecycleStage.LEAD);
            assertThat(history.initialOwnerId()).isEmpty();
            assertThat(history.record()).containsEntry("country", Value.of("US"));
            assertThat(history.company()).containsEntry("employees", Value.of(2674.0))
                    .containsEntry("industry", Value.of("software"));
        });
    }

    @Test
    void the_stored_signals_up_to_now_are_the_history_and_nothing_later() {
        RecordHistory history = histories.lastDays(7, NOW, 100).get(0);

        assertThat(history.signals()).containsExactly(
                new Signal("form_submitted", NOW.minus(Duration.ofDays(40))),
                new Signal("pricing_page_view", NOW.minus(Duration.ofDays(2))));
    }

    @Test
    void a_window_outside_one_to_365_days_is_refused() {
        assertThatThrownBy(() -> histories.lastDays(0, NOW, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> histories.lastDays(366, NOW, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ContactDirectory contacts() {
        return new ContactDirectory() {
            @Override
            public Optional<Contact> findByEmail(EmailAddress email) {
                return email.equals(KNOWN) ? Optional.of(MARIA) : Optional.empty();
            }

            @Override
            public Optional<Contact> findById(UUID id) {
                return Optional.empty();
            }

            @Override
            public void save(Contact contact) {
                throw new AssertionError("a dry run writes nothing");
            }

            @Override
            public List<Contact> dueForSweep(Set<LifecycleStage> stages, Instant notUpdatedSince, int limit) {
                return List.of();
            }

            @Override
            public Map<String, Integer> openLeadsByOwner() {
                return Map.of();
            }
        };
    }

    private static CompanyDirectory companies() {
        return new CompanyDirectory() {
            @Override
            public Optional<KnownCompany> find(String domain) {
                return domain.equals(ATLANTA.domain()) ? Optional.of(ATLANTA) : Optional.empty();
            }

            @Override
            public void save(KnownCompany company) {
                throw new AssertionError("a dry run writes nothing");
            }
        };
    }

    private static SignalStore signals() {
        return new SignalStore() {
            @Override
            public void record(UUID eventId, EmailAddress email, String type, Instant occurredAt,
                    Optional<String> url) {
                throw new AssertionError("a dry run writes nothing");
            }

            @Override
            public List<StoredSignal> since(EmailAddress email, Instant since) {
                return List.of(new StoredSignal("pricing_page_view", NOW.minus(Duration.ofDays(2)), Optional.empty()),
                        new StoredSignal("page_view", NOW.plus(Duration.ofMinutes(1)), Optional.empty()),
                        new StoredSignal("form_submitted", NOW.minus(Duration.ofDays(40)), Optional.empty()));
            }
        };
    }
}
