package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.ClaimedJob;
import dev.orchestrator.application.port.out.JobKind;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.intake.EventStatus;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiJobQueueTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private final SequentialIds ids = new SequentialIds();
    private PersistenceAdapter persistence;
    private JobQueue queue;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        queue = persistence.jobs();
    }

    @Test
    void aClaimedJobIsNotClaimedAgainWhileItsLeaseHolds() {
        enqueueJobs(1);

        assertThat(queue.claim(10, LEASE, clock.instant())).hasSize(1);
        assertThat(queue.claim(10, LEASE, clock.instant())).isEmpty();
    }

    @Test
    void aClaimCarriesItsJobsEventAsTheClaimLeftIt() {
        enqueueJobs(1);

        ClaimedJob claimed = queue.claim(10, LEASE, clock.instant()).get(0);

        assertThat(claimed.event()).get().satisfies(event -> {
            assertThat(event.id()).isEqualTo(claimed.eventId());
            assertThat(event.status()).isEqualTo(EventStatus.PROCESSING);
            assertThat(event.headers()).containsExactly(Map.entry("x-form-id", "contact-us"));
            assertThat(event.body()).isEqualTo(new byte[] {'{', '}'});
        });
        assertThat(claimed.event().get()).usingRecursiveComparison()
                .isEqualTo(persistence.events().find(claimed.eventId()).get());
    }

    @Test
    void aClaimOfAJobWhoseEventWasDecidedCarriesNoEventForTheWorkerToReadItself() {
        enqueueJobs(1);
        UUID event = queue.claim(10, LEASE, clock.instant()).get(0).eventId();
        persistence.events().updateStatus(event, EventStatus.DONE, Optional.empty());

        clock.advance(LEASE.plusSeconds(1));

        assertThat(queue.claim(10, LEASE, clock.instant())).singleElement()
                .satisfies(job -> assertThat(job.event()).isEmpty());
    }

    @Test
    void aJobWhoseLeaseRanOutIsClaimedAgainWithItsAttemptCounted() {
        enqueueJobs(1);
        queue.claim(10, LEASE, clock.instant());

        clock.advance(LEASE.plusSeconds(1));
        List<ClaimedJob> reclaimed = queue.claim(10, LEASE, clock.instant());

        assertThat(reclaimed).singleElement().extracting(ClaimedJob::attempt).isEqualTo(2);
    }

    @Test
    void aJobToRetryLaterIsNotClaimedBeforeItsTime() {
        enqueueJobs(1);
        ClaimedJob job = queue.claim(10, LEASE, clock.instant()).get(0);
        queue.retryAt(job.id(), job.leaseToken(), clock.instant().plusSeconds(60), "429", clock.instant());

        assertThat(queue.claim(10, LEASE, clock.instant())).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(queue.claim(10, LEASE, clock.instant())).hasSize(1);
    }

    @Test
    void completedAndDeadJobsAreNeverClaimedAndAreCounted() {
        enqueueJobs(2);
        List<ClaimedJob> jobs = queue.claim(10, LEASE, clock.instant());
        queue.complete(jobs.get(0).id(), jobs.get(0).leaseToken(), clock.instant());
        queue.deadLetter(jobs.get(1).id(), jobs.get(1).leaseToken(), "gave up", clock.instant());
        clock.advance(LEASE.multipliedBy(2));

        assertThat(queue.claim(10, LEASE, clock.instant())).isEmpty();
        assertThat(queue.stats(clock.instant())).satisfies(stats -> {
            assertThat(stats.done()).isEqualTo(1);
            assertThat(stats.dead()).isEqualTo(1);
            assertThat(stats.ready()).isZero();
        });
    }

    @Test
    void aWorkerSharingTheQueueClaimsItsShareOfWhatIsReadyRoundedUp() {
        enqueueJobs(9);

        assertThat(queue.claim(10, 4, LEASE, clock.instant())).hasSize(3);
        assertThat(queue.claim(10, 4, LEASE, clock.instant())).hasSize(2);
        assertThat(queue.claim(10, 4, LEASE, clock.instant())).hasSize(1);
        assertThat(queue.claim(10, 4, LEASE, clock.instant())).hasSize(1);
    }

    @Test
    void aClaimLocksOnlyTheJobsItTakesSoAClaimBesideItFindsTheRest() throws Exception {
        enqueueJobs(3);
        Instant now = clock.instant();

        ExecutorService other = Executors.newSingleThreadExecutor();
        List<Integer> beside = persistence.jdbi().inTransaction(first -> {
            int taken = first.createQuery(JdbiJobQueue.claimOf(10, 4)).bind("now", Timestamp.from(now))
                    .bind("lockedUntil", Timestamp.from(now.plus(LEASE))).mapToMap().list().size();
            // the first claim's transaction is still open: its locks hold while another worker claims
            return List.of(taken, other.submit(() -> queue.claim(10, 4, LEASE, now).size()).get());
        });
        other.shutdown();

        assertThat(beside).containsExactly(1, 1);
    }

    @Test
    void aBacklogFillsEveryClaim() {
        enqueueJobs(100);

        assertThat(queue.claim(10, 4, LEASE, clock.instant())).hasSize(10);
    }

    @Test
    void aClaimAloneTakesEverythingReadyUpToItsMost() {
        enqueueJobs(7);

        assertThat(queue.claim(10, 1, LEASE, clock.instant())).hasSize(7);
    }

    @Test
    void aClaimReachesItsEventsByIdEvenWhenTheStatisticsWereTakenWithNoEventWaiting() {
        enqueueJobs(300);
        persistence.jdbi().useHandle(h -> {
            h.execute("update raw_events set status = 'done'");
            h.execute("update jobs set status = 'done'");
            h.execute("analyze raw_events");
            h.execute("analyze jobs");
        });
        enqueueJobs(200);

        List<String> plan = persistence.jdbi().withHandle(h -> h.createQuery("explain " + JdbiJobQueue.claimOf(16, 4))
                .bind("now", Timestamp.from(clock.instant()))
                .bind("lockedUntil", Timestamp.from(clock.instant().plus(LEASE)))
                .mapTo(String.class).list());

        assertThat(String.join("\n", plan)).contains("raw_events_pkey").doesNotContain("raw_events_status_received");
    }

    /**
     * A share's size is known only when the claim runs; the plan must still expect a handful of jobs, or it hashes
     * the whole jobs and events tables to update ten rows (73 ms a claim under 40,000 waiting, against 2.4).
     */
    @Test
    void aClaimUnderABacklogReachesItsJobsAndEventsByKeyWhateverItsShare() {
        backlog();

        // the backlog was received at the database's now(), not at the test clock's
        Instant now = Instant.now().plusSeconds(60);
        List<String> plan = persistence.jdbi().withHandle(h -> h.createQuery("explain " + JdbiJobQueue.claimOf(10, 4))
                .bind("now", Timestamp.from(now))
                .bind("lockedUntil", Timestamp.from(now.plus(LEASE)))
                .mapTo(String.class).list());

        assertThat(String.join("\n", plan)).contains("jobs_pkey", "raw_events_pkey")
                .doesNotContain("Seq Scan on jobs", "Seq Scan on raw_events");
    }

    /** A backlog as a flood leaves one: thousands of jobs ready, the statistics taken with them waiting. */
    @Test
    void repeatedClaimsUnderABacklogRunOnOneKeptPlanRatherThanAFreshPlanEachTime() {
        backlog();

        long keptPlanRuns = persistence.jdbi().withHandle(h -> {
            h.execute("prepare claim(timestamptz, timestamptz) as "
                    + JdbiJobQueue.claimOf(10, 4).replace(":now", "$1").replace(":lockedUntil", "$2"));
            for (int i = 0; i < 10; i++) {
                h.createQuery("execute claim(now(), now() + interval '30 seconds')").mapToMap().list();
            }
            return h.createQuery("select generic_plans from pg_prepared_statements where name = 'claim'")
                    .mapTo(Long.class).one();
        });

        assertThat(keptPlanRuns).isPositive();
    }

    @Test
    void concurrentWorkersNeverClaimTheSameJob() throws Exception {
        enqueueJobs(200);
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < 4; w++) {
            workers.submit(() -> {
                start.await();
                List<ClaimedJob> batch;
                while (!(batch = queue.claim(7, LEASE, clock.instant())).isEmpty()) {
                    batch.forEach(job -> claimed.add(job.id()));
                }
                return null;
            });
        }
        start.countDown();
        workers.shutdown();
        assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Set<Long> distinct = new HashSet<>(claimed);
        assertThat(claimed).hasSize(200);
        assertThat(distinct).hasSize(200);
    }

    /** Twenty thousand leads waiting, and the statistics taken while they wait. */
    private void backlog() {
        persistence.jdbi().useHandle(h -> {
            h.execute("""
                    insert into raw_events (id, source, source_event_id, idempotency_key, received_at, headers, body,
                        payload_sha256, status, updated_at)
                    select gen_random_uuid(), 'form', 'msg_' || n, 'form:' || n, now(), '{}', '', '0', 'received', now()
                    from generate_series(1, 20000) n""");
            h.execute("""
                    insert into jobs (kind, event_id, status, max_attempts, run_at, created_at, updated_at)
                    select 'process-event', id, 'ready', 5, received_at, received_at, received_at from raw_events""");
            h.execute("analyze raw_events");
            h.execute("analyze jobs");
        });
    }

    private void enqueueJobs(int n) {
        for (int i = 0; i < n; i++) {
            UUID eventId = ids.newId();
            persistence.transactions().inTransaction(() -> {
                persistence.events().storeIfAbsent(new RawEvent(eventId, "form", "msg_" + eventId, "form:" + eventId,
                        clock.instant(), Optional.of("application/json"), Map.of("x-form-id", "contact-us"), new byte[] {'{', '}'}, "0",
                        EventStatus.RECEIVED, Optional.empty()));
                queue.enqueue(JobKind.PROCESS_EVENT, eventId, clock.instant(), 5);
                return null;
            });
        }
    }
}
