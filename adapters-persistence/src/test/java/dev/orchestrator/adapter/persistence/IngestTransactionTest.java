package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.WebhookSecret;
import dev.orchestrator.application.intake.WebhookSource;
import dev.orchestrator.application.intake.WebhookSources;
import dev.orchestrator.application.port.in.IngestOutcome;
import dev.orchestrator.application.port.in.IngestWebhookCommand;
import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.service.IngestWebhookService;
import dev.orchestrator.application.testing.AcceptingParser;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.application.testing.SignedWebhooks;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestTransactionTest {
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private DataSource dataSource;
    private IngestWebhookService ingest;
    private Jdbi jdbi;
    private PersistenceAdapter persistence;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabase.fresh();
        persistence = PersistenceAdapter.create(dataSource, clock, new SequentialIds());
        jdbi = persistence.jdbi();
        WebhookSources sources = new WebhookSources(List.of(new WebhookSource("form",
                new StandardWebhooksScheme(List.of(WebhookSecret.parse(SignedWebhooks.SECRET)), Duration.ofMinutes(5)))));
        ingest = new IngestWebhookService(sources, new AcceptingParser(), persistence.events(),
                new SequentialIds(), clock, 5);
    }

    @Test
    void aStoredEventAlwaysHasItsProcessingJob() {
        IngestOutcome outcome = ingest.ingest(command("msg_1"));

        assertThat(outcome).isInstanceOf(IngestOutcome.Accepted.class);
        assertThat(count("raw_events")).isEqualTo(1);
        assertThat(count("jobs")).isEqualTo(1);
    }

    @Test
    void whenTheJobInsertFailsNoRawEventRemains() {
        jdbi.useHandle(h -> h.execute("""
                create function refuse_jobs() returns trigger language plpgsql as
                $$ begin raise exception 'job insert refused by test'; end $$;
                create trigger refuse_jobs before insert on jobs for each row execute function refuse_jobs();
                """));

        assertThatThrownBy(() -> ingest.ingest(command("msg_2"))).hasMessageContaining("job insert refused by test");

        assertThat(count("raw_events")).isZero();
        assertThat(count("jobs")).isZero();
    }

    @Test
    void aRedeliveryAnswersTheFirstEventIdAndEnqueuesNothing() {
        IngestOutcome.Accepted first = (IngestOutcome.Accepted) ingest.ingest(command("msg_3"));
        IngestOutcome.Accepted again = (IngestOutcome.Accepted) ingest.ingest(command("msg_3"));

        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(again.duplicate()).isTrue();
        assertThat(count("raw_events")).isEqualTo(1);
        assertThat(count("jobs")).isEqualTo(1);
    }

    @Test
    void aSignedButUnparseableBodyIsStoredWithItsJobAlreadyDead() {
        IngestWebhookService refusingParser = new IngestWebhookService(new WebhookSources(List.of(new WebhookSource(
                "form", new StandardWebhooksScheme(List.of(WebhookSecret.parse(SignedWebhooks.SECRET)),
                        Duration.ofMinutes(5))))), body -> new PayloadParser.Unparseable("lone surrogate at byte 12"),
                persistence.events(), new SequentialIds(), clock, 5);

        IngestOutcome outcome = refusingParser.ingest(command("msg_4"));

        assertThat(outcome).isInstanceOf(IngestOutcome.StoredUnparseable.class);
        String stored = jdbi.withHandle(h -> h.createQuery("""
                select e.status || ' / ' || j.status || ' / ' || j.last_error
                from raw_events e join jobs j on j.event_id = e.id""").mapTo(String.class).one());
        assertThat(stored).isEqualTo("dead / dead / lone surrogate at byte 12");
    }

    private IngestWebhookCommand command(String id) {
        return new IngestWebhookCommand("form", Optional.of("application/json"),
                SignedWebhooks.form(id, clock.instant(), SignedWebhooks.lead("jane@acme.com")));
    }

    private long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
    }
}
