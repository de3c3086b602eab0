package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.ClaimedJob;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.QueueStats;
import dev.orchestrator.application.service.ErrorPolicy;
import dev.orchestrator.application.service.JobWorker;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lease token as a fencing token, against PostgreSQL: a worker whose lease ran out while it worked cannot
 * complete, retry or bury a job that another worker has claimed since; the new holder's marks count.
 */
class JobFencingTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private final MutableClock clock = MutableClock.at("2026-01-05T10:15:30Z");
    private final SequentialIds ids = new SequentialIds();
    private PersistenceAdapter persistence;
    private JobQueue queue;
    private UUID event;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        queue = persistence.jobs();
        event = new StoredEvents(persistence).event(ids.newId(), "form", clock.instant(), Optional.empty(),
                EventStatus.RECEIVED);
    }

    @Test
    void eachClaimOfAJobCarriesANewLeaseToken() {
        ClaimedJob first = queue.claim(1, LEASE, clock.instant()).get(0);
        ClaimedJob second = reclaimedAfterTheLease();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.leaseToken()).isGreaterThan(first.leaseToken());
    }

    @Test
    void aStaleWorkersCompletionIsIgnoredWhileTheNewHoldersCounts() {
        ClaimedJob stale = queue.claim(1, LEASE, clock.instant()).get(0);
        ClaimedJob current = reclaimedAfterTheLease();

        assertThat(queue.complete(stale.id(), stale.leaseToken(), clock.instant())).isFalse();
        assertThat(stats().running()).isEqualTo(1);
        assertThat(stats().done()).isZero();

        assertThat(queue.complete(current.id(), current.leaseToken(), clock.instant())).isTrue();
        assertThat(stats().done()).isEqualTo(1);
    }

    @Test
    void aBatchCompletionMarksTheJobsStillHeldAndLeavesTheOneAnotherWorkerHolds() {
        ClaimedJob stale = queue.claim(1, LEASE, clock.instant()).get(0);
        ClaimedJob current = reclaimedAfterTheLease();
        UUID second = new StoredEvents(persistence).event(ids.newId(), "form", clock.instant(), Optional.empty(),
                EventStatus.RECEIVED);
        ClaimedJob other = queue.claim(1, LEASE, clock.instant()).get(0);

        assertThat(queue.completeAll(List.of(stale, other), clock.instant())).containsExactly(other.id());
        assertThat(other.eventId()).isEqualTo(second);
        assertThat(stats().done()).isEqualTo(1);
        assertThat(stats().running()).isEqualTo(1);
        assertThat(queue.completeAll(List.of(current), clock.instant())).containsExactly(current.id());
    }

    @Test
    void aStaleWorkersRetryDoesNotTakeTheJobFromItsNewHolder() {
        ClaimedJob stale = queue.claim(1, LEASE, clock.instant()).get(0);
        reclaimedAfterTheLease();

        assertThat(queue.retryAt(stale.id(), stale.leaseToken(), clock.instant(), "timeout", clock.instant()))
                .isFalse();
        assertThat(queue.claim(1, LEASE, clock.instant())).isEmpty();
        assertThat(stats().running()).isEqualTo(1);
    }

    @Test
    void aStaleWorkersDeadLetterDoesNotBuryTheJob() {
        ClaimedJob stale = queue.claim(1, LEASE, clock.instant()).get(0);
        reclaimedAfterTheLease();

        assertThat(queue.deadLetter(stale.id(), stale.leaseToken(), "gave up", clock.instant())).isFalse();
        assertThat(stats().dead()).isZero();
        assertThat(queue.deadLetters(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aJobCompletedByItsNewHolderIsNotReopenedByTheStaleWorkersRetry() {
        ClaimedJob stale = queue.claim(1, LEASE, clock.instant()).get(0);
        ClaimedJob current = reclaimedAfterTheLease();
        queue.complete(current.id(), current.leaseToken(), clock.instant());

        assertThat(queue.retryAt(stale.id(), stale.leaseToken(), clock.instant(), "timeout", clock.instant()))
                .isFalse();
        clock.advance(LEASE.multipliedBy(3));
        assertThat(queue.claim(1, LEASE, clock.instant())).isEmpty();
        assertThat(stats().done()).isEqualTo(1);
    }

    @Test
    void aJobWhoseLeaseWasRescuedButNotYetClaimedIsNoLongerTheOldWorkers() {
        ClaimedJob stale = queue.claim(1, LEASE, clock.instant()).get(0);
        clock.advance(LEASE.plusSeconds(1));
        queue.claim(0, LEASE, clock.instant());

        assertThat(queue.complete(stale.id(), stale.leaseToken(), clock.instant())).isFalse();
        assertThat(stats().ready()).isEqualTo(1);
    }

    @Test
    void aReplayedJobIsNotMarkedByAWorkerOfItsEarlierLife() {
        ClaimedJob earlier = queue.claim(1, LEASE, clock.instant()).get(0);
        queue.deadLetter(earlier.id(), earlier.leaseToken(), "gave up", clock.instant());
        queue.revive(earlier.id(), clock.instant());
        ClaimedJob replayed = queue.claim(1, LEASE, clock.instant()).get(0);

        assertThat(replayed.attempt()).isEqualTo(earlier.attempt());
        assertThat(queue.complete(earlier.id(), earlier.leaseToken(), clock.instant())).isFalse();
        assertThat(queue.complete(replayed.id(), replayed.leaseToken(), clock.instant())).isTrue();
    }

    @Test
    void aWorkerThatFailsAfterAnotherWorkerFinishedTheJobLeavesJobAndEventAsTheNewHolderLeftThem() {
        JobWorker[] other = new JobWorker[1];
        JobWorker slow = worker(command -> {
            // This worker stalls past its lease; meanwhile another instance claims the job and finishes it.
            clock.advance(LEASE.plusSeconds(1));
            other[0].runOnce();
            throw new IllegalStateException("CRM call timed out");
        });
        other[0] = worker(command -> {
            persistence.events().updateStatus(command.eventId(), EventStatus.DONE, Optional.empty());
            return new ProcessOutcome.Done(Optional.of("101"), true);
        });

        slow.runOnce();

        assertThat(stats().done()).isEqualTo(1);
        assertThat(stats().ready()).isZero();
        assertThat(persistence.events().find(event)).get().extracting(e -> e.status()).isEqualTo(EventStatus.DONE);
        assertThat(persistence.jobLedger().attempts(jobId())).isEmpty();
    }

    private ClaimedJob reclaimedAfterTheLease() {
        clock.advance(LEASE.plusSeconds(1));
        return queue.claim(1, LEASE, clock.instant()).get(0);
    }

    private QueueStats stats() {
        return queue.stats(clock.instant());
    }

    private long jobId() {
        return persistence.jdbi().withHandle(h -> h.createQuery("select id from jobs where event_id = :id")
                .bind("id", event).mapTo(Long.class).one());
    }

    private JobWorker worker(dev.orchestrator.application.port.in.ProcessEventUseCase process) {
        return new JobWorker(queue, process, persistence.events(), persistence.audit(),
                new ErrorPolicy(Duration.ofSeconds(2), Duration.ofMinutes(30), () -> 0.5), ids, clock, 1, LEASE,
                Optional.empty(), Optional.of(persistence.jobLedger()), Optional.empty());
    }
}
