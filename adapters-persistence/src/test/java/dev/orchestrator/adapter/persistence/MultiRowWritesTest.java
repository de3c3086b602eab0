package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.SignalStore.NewSignal;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.EmailAddress;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.crm.PersonName;
import dev.orchestrator.domain.dedupe.MatchRecord;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/** A wave of leads' final writes, each a multi-row statement, inside one retryable transaction. */
class MultiRowWritesTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:15:30Z");
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private final SequentialIds ids = new SequentialIds();

    @Test
    void a_waves_multi_row_writes_go_to_the_database_as_one_statement_list() {
        PersistenceAdapter persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        UUID first = event(persistence);
        UUID second = event(persistence);
        Contact ada = contact("ada@acme.com");
        Contact bob = contact("bob@acme.com");
        List<String> statements = new ArrayList<>();
        persistence.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });

        persistence.transactions().inRetryableTransaction(() -> {
            persistence.contacts().saveAll(List.of(ada, bob));
            persistence.identityIndex().indexAll(List.of(MatchRecord.builder(ada.id().toString())
                    .email("ada@acme.com").build(), MatchRecord.builder(bob.id().toString()).email("bob@acme.com")
                    .build()));
            persistence.signals().recordAll(List.of(new NewSignal(first, ada.email(), "webinar", T0, Optional.empty()),
                    new NewSignal(second, bob.email(), "webinar", T0, Optional.empty())));
            persistence.events().markAllDone(Map.of(first, "ada@acme.com", second, "bob@acme.com"));
            return null;
        });

        assertThat(statements).hasSize(1);
        assertThat(persistence.contacts().findById(bob.id())).contains(bob);
        assertThat(persistence.signals().since(bob.email(), T0)).hasSize(1);
        assertThat(persistence.events().find(second).orElseThrow().status()).isEqualTo(EventStatus.DONE);
        int records = persistence.jdbi().withHandle(h -> h.createQuery("select count(*) from identity_records")
                .mapTo(Integer.class).one());
        assertThat(records).isEqualTo(2);
    }

    private Contact contact(String email) {
        return new Contact(ids.newId(), EmailAddress.parse(email), PersonName.of("A", "B"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), LifecycleStage.LEAD, Optional.empty(), 0, 0,
                Map.of("source", "form"), T0, T0);
    }

    private UUID event(PersistenceAdapter persistence) {
        UUID id = ids.newId();
        persistence.events().storeIfAbsent(new RawEvent(id, "form", "msg_" + id, "form:" + id, T0,
                Optional.of("application/json"), Map.of(), new byte[] {'{', '}'}, "sha", EventStatus.RECEIVED,
                Optional.empty()));
        return id;
    }
}
