package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.WebhookSecret;
import dev.orchestrator.application.intake.WebhookSource;
import dev.orchestrator.application.intake.WebhookSources;
import dev.orchestrator.application.port.in.HealthReport;
import dev.orchestrator.application.port.in.IngestWebhookCommand;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.crm.CrmGateway;
import dev.orchestrator.application.port.out.crm.CrmHealth;
import dev.orchestrator.application.service.HealthService;
import dev.orchestrator.application.service.IngestWebhookService;
import dev.orchestrator.application.testing.AcceptingParser;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.application.testing.SignedWebhooks;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The health report over a real queue: the backlog is counted on every probe, the totals that need whole-table
 * scans (events stored, jobs done) and the CRM's check at most every {@link HealthService#TOTALS_REUSE}, or for
 * {@link HealthService#COUNT_COST_FACTOR} times as long as the count took.
 */
class HealthTotalsTest {
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private PersistenceAdapter persistence;
    private IngestWebhookService ingest;
    private HealthService health;
    private int crmChecks;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, new SequentialIds());
        ingest = new IngestWebhookService(new WebhookSources(List.of(new WebhookSource("form",
                new StandardWebhooksScheme(List.of(WebhookSecret.parse(SignedWebhooks.SECRET)),
                        Duration.ofMinutes(5))))), new AcceptingParser(), persistence.events(), new SequentialIds(),
                clock, 5);
        health = new HealthService(persistence.events(), persistence.jobs(), persistence.reviews(), sandboxCrm(),
                clock);
    }

    @Test
    void the_backlog_is_counted_on_every_probe() {
        ingest.ingest(lead("msg_1"));
        assertThat(health.health().queue().orElseThrow().ready()).isEqualTo(1);

        ingest.ingest(lead("msg_2"));

        assertThat(health.health().queue().orElseThrow().ready()).isEqualTo(2);
    }

    @Test
    void the_events_total_is_counted_again_only_once_the_last_count_is_five_seconds_old() {
        ingest.ingest(lead("msg_1"));
        assertThat(health.health().events()).isEqualTo(1);
        ingest.ingest(lead("msg_2"));

        clock.advance(HealthService.TOTALS_REUSE.minusMillis(1));
        long beforeExpiry = health.health().events();
        clock.advance(Duration.ofMillis(1));

        assertThat(beforeExpiry).isEqualTo(1);
        assertThat(health.health().events()).isEqualTo(2);
    }

    @Test
    void done_jobs_are_counted_with_the_totals() {
        ingest.ingest(lead("msg_1"));
        assertThat(health.health().queue().orElseThrow().done()).isZero();
        persistence.jobs().claim(1, Duration.ofMinutes(1), clock.instant())
                .forEach(job -> persistence.jobs().complete(job.id(), job.leaseToken(), clock.instant()));

        HealthReport sameInterval = health.health();
        clock.advance(HealthService.TOTALS_REUSE);
        HealthReport nextInterval = health.health();

        assertThat(sameInterval.queue().orElseThrow().done()).isZero();
        assertThat(sameInterval.queue().orElseThrow().ready()).isZero();
        assertThat(nextInterval.queue().orElseThrow().done()).isEqualTo(1);
    }

    @Test
    void a_count_that_took_long_is_kept_a_hundred_times_as_long_as_it_took() {
        HealthService slowCounting = new HealthService(countingFor(Duration.ofSeconds(1)), persistence.jobs(),
                persistence.reviews(), sandboxCrm(), clock);
        ingest.ingest(lead("msg_1"));
        Instant countStarted = clock.instant();
        assertThat(slowCounting.health().events()).isEqualTo(1);
        ingest.ingest(lead("msg_2"));

        clock.set(countStarted.plusSeconds(HealthService.COUNT_COST_FACTOR).minusMillis(1));
        long beforeExpiry = slowCounting.health().events();
        clock.set(countStarted.plusSeconds(HealthService.COUNT_COST_FACTOR));

        assertThat(beforeExpiry).isEqualTo(1);
        assertThat(slowCounting.health().events()).isEqualTo(2);
    }

    @Test
    void a_clock_set_back_counts_again_instead_of_trusting_a_count_from_the_future() {
        ingest.ingest(lead("msg_1"));
        health.health();
        ingest.ingest(lead("msg_2"));

        clock.advance(Duration.ofSeconds(-1));

        assertThat(health.health().events()).isEqualTo(2);
    }

    @Test
    void the_crm_is_asked_once_per_interval_however_often_the_probe_comes() {
        health.health();
        health.health();
        clock.advance(HealthService.TOTALS_REUSE);
        health.health();

        assertThat(crmChecks).isEqualTo(2);
    }

    private IngestWebhookCommand lead(String id) {
        return new IngestWebhookCommand("form", Optional.of("application/json"),
                SignedWebhooks.form(id, clock.instant(), SignedWebhooks.lead("jane@acme.com")));
    }

    /** The real event store, whose count takes {@code took} of the test's clock. */
    private EventStore countingFor(Duration took) {
        EventStore real = persistence.events();
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[] {EventStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("count")) {
                        clock.advance(took);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Only name() and health() are asked of the CRM here; health() calls are counted. */
    private CrmGateway sandboxCrm() {
        return (CrmGateway) Proxy.newProxyInstance(CrmGateway.class.getClassLoader(), new Class<?>[] {CrmGateway.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> "sandbox";
                    case "health" -> {
                        crmChecks++;
                        yield new CrmHealth("sandbox", true, "answering");
                    }
                    default -> throw new AssertionError("the health report asked the CRM for " + method.getName());
                });
    }
}
