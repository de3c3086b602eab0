package dev.orchestrator.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.ClaimedJob;
import dev.orchestrator.application.port.out.DeadLetter;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.EventSummary;
import dev.orchestrator.application.port.out.JobKind;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.NewJob;
import dev.orchestrator.application.port.out.QueueStats;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.StoreResult;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * What the worker does when the work succeeded but marking its job failed, against when the work failed; and with
 * a job of its batch whose lease ran out before the worker got to it.
 */
class JobWorkerLeaseTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-000000000042");

    private final RecordingQueue queue = new RecordingQueue();
    private final RecordingEvents events = new RecordingEvents();

    @Test
    void aJobWhoseCompletionFailsAfterTheWorkIsLeftToItsLeaseAndItsEventStaysDone() {
        queue.failCompletion = true;
        worker(command -> new ProcessOutcome.Done(Optional.of("101"), true)).runOnce();

        assertThat(queue.retries).isEmpty();
        assertThat(events.statuses).isEmpty();
    }

    @Test
    void aJobWhoseWorkFailsIsRetriedWithItsEventBackToReceived() {
        worker(command -> {
            throw new IllegalStateException("database went away");
        }).runOnce();

        assertThat(queue.retries).containsExactly(7L);
        assertThat(events.statuses).containsExactly(EventStatus.RECEIVED);
    }

    @Test
    void aJobOfTheBatchWhoseLeaseRanOutWhileEarlierJobsRanIsNotStarted() {
        MutableClock clock = new MutableClock(NOW);
        queue.batch = List.of(new ClaimedJob(7, JobKind.PROCESS_EVENT, EVENT, 1, 5, 1),
                new ClaimedJob(8, JobKind.PROCESS_EVENT, UUID.fromString("00000000-0000-0000-0000-000000000043"), 1, 5, 1));
        List<UUID> started = new ArrayList<>();
        worker(command -> {
            started.add(command.eventId());
            clock.advance(Duration.ofMinutes(6));
            return new ProcessOutcome.Done(Optional.empty(), false);
        }, clock).runOnce();

        assertThat(started).containsExactly(EVENT);
        assertThat(queue.completed).containsExactly(7L);
    }

    @Test
    void aWorkerWhoseJobWasClaimedByAnotherWhileItWorkedLeavesTheEventToTheNewHolder() {
        worker(command -> {
            queue.currentToken = 2;
            throw new IllegalStateException("CRM call timed out after the lease ran out");
        }).runOnce();

        assertThat(queue.retries).isEmpty();
        assertThat(events.statuses).isEmpty();
    }

    @Test
    void aWorkerWhoseJobWasClaimedByAnotherWhileItWorkedDoesNotBuryIt() {
        worker(command -> {
            queue.currentToken = 2;
            return new ProcessOutcome.Poison("unreadable");
        }).runOnce();

        assertThat(queue.buried).isEmpty();
    }

    @Test
    void aWorkerThatStillHoldsItsJobCompletesIt() {
        worker(command -> new ProcessOutcome.Done(Optional.empty(), false)).runOnce();

        assertThat(queue.completed).containsExactly(7L);
    }

    @Test
    void theFinishedJobsOfABatchAreMarkedDoneTogetherAfterTheLastOfThemRan() {
        queue.batch = List.of(new ClaimedJob(7, JobKind.PROCESS_EVENT, EVENT, 1, 5, 1),
                new ClaimedJob(8, JobKind.PROCESS_EVENT, UUID.fromString("00000000-0000-0000-0000-000000000043"), 1, 5, 1));
        List<String> seen = new ArrayList<>();
        queue.onCompleteAll = jobs -> seen.add("marked " + jobs);
        worker(command -> {
            seen.add("ran " + command.eventId());
            return new ProcessOutcome.Done(Optional.empty(), false);
        }).runOnce();

        assertThat(seen).containsExactly("ran " + EVENT, "ran 00000000-0000-0000-0000-000000000043", "marked 2");
        assertThat(queue.completed).containsExactly(7L, 8L);
    }

    @Test
    void aJobWhoseWritesFailedWhenItsWaveCommittedIsRetriedAndTheOthersAreMarkedDone() {
        UUID other = UUID.fromString("00000000-0000-0000-0000-000000000043");
        queue.batch = List.of(new ClaimedJob(7, JobKind.PROCESS_EVENT, EVENT, 1, 5, 1),
                new ClaimedJob(8, JobKind.PROCESS_EVENT, other, 1, 5, 1));
        List<String> seen = new ArrayList<>();
        queue.onCompleteAll = jobs -> seen.add("marked " + jobs);
        worker(new WaveFailing(EVENT, seen)).runOnce();

        assertThat(seen).containsExactly("ran " + EVENT, "ran " + other, "committed", "marked 1");
        assertThat(queue.completed).containsExactly(8L);
        assertThat(queue.retries).containsExactly(7L);
        assertThat(events.statuses).containsExactly(EventStatus.RECEIVED);
    }

    /** A pipeline whose wave keeps every outcome until its commit, where {@code failing}'s writes fail. */
    private record WaveFailing(UUID failing, List<String> seen)
            implements dev.orchestrator.application.port.in.ProcessEventUseCase {
        @Override
        public ProcessOutcome process(dev.orchestrator.application.port.in.ProcessEventCommand command) {
            throw new AssertionError("a worker's batch goes through its wave");
        }

        @Override
        public dev.orchestrator.application.port.in.ProcessEventUseCase.Wave openWave() {
            return new dev.orchestrator.application.port.in.ProcessEventUseCase.Wave() {
                @Override
                public ProcessOutcome process(dev.orchestrator.application.port.in.ProcessEventCommand command) {
                    seen.add("ran " + command.eventId());
                    return new ProcessOutcome.Done(Optional.empty(), false);
                }

                @Override
                public java.util.Map<UUID, RuntimeException> commit() {
                    seen.add("committed");
                    return java.util.Map.of(failing, new IllegalStateException("duplicate key in contacts"));
                }
            };
        }
    }

    @Test
    void aWorkerThreadAmongSeveralClaimsItsShareOfTheReadyJobs() {
        new JobWorker(queue, command -> new ProcessOutcome.Done(Optional.empty(), false), events, new NoAudit(),
                new ErrorPolicy(Duration.ofSeconds(2), Duration.ofMinutes(30), () -> 0.5), new SequentialIds(),
                Clock.fixed(NOW, ZoneOffset.UTC), 10, 4, Duration.ofMinutes(5), Optional.empty(), Optional.empty(),
                Optional.empty()).runOnce();

        assertThat(queue.claims).containsExactly(List.of(10, 4));
    }

    private JobWorker worker(dev.orchestrator.application.port.in.ProcessEventUseCase process) {
        return worker(process, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private JobWorker worker(dev.orchestrator.application.port.in.ProcessEventUseCase process, Clock clock) {
        return new JobWorker(queue, process, events, new NoAudit(),
                new ErrorPolicy(Duration.ofSeconds(2), Duration.ofMinutes(30), () -> 0.5), new SequentialIds(),
                clock, 10, Duration.ofMinutes(5));
    }

    private static final class RecordingQueue implements JobQueue {
        boolean failCompletion;
        IntConsumer onCompleteAll = jobs -> { };
        final List<Long> retries = new ArrayList<>();
        final List<Long> completed = new ArrayList<>();
        final List<Long> buried = new ArrayList<>();
        /** The token of the job's latest claim; another worker's claim replaces it. */
        long currentToken = 1;
        List<ClaimedJob> batch = List.of(new ClaimedJob(7, JobKind.PROCESS_EVENT, EVENT, 1, 5, 1));
        private boolean claimed;
        /** Each claim's most jobs and the workers it was shared among. */
        final List<List<Integer>> claims = new ArrayList<>();

        @Override
        public List<ClaimedJob> claim(int max, int sharers, Duration lease, Instant now) {
            claims.add(List.of(max, sharers));
            if (claimed) {
                return List.of();
            }
            claimed = true;
            return batch;
        }

        @Override
        public boolean complete(long jobId, long leaseToken, Instant now) {
            if (failCompletion) {
                throw new IllegalStateException("FATAL: terminating connection due to administrator command");
            }
            if (leaseToken != currentToken) {
                return false;
            }
            completed.add(jobId);
            return true;
        }

        @Override
        public Set<Long> completeAll(List<ClaimedJob> jobs, Instant now) {
            onCompleteAll.accept(jobs.size());
            return JobQueue.super.completeAll(jobs, now);
        }

        @Override
        public boolean retryAt(long jobId, long leaseToken, Instant runAt, String error, Instant now) {
            if (leaseToken != currentToken) {
                return false;
            }
            retries.add(jobId);
            return true;
        }

        @Override
        public void enqueue(JobKind kind, UUID eventId, Instant runAt, int maxAttempts) {
        }

        @Override
        public boolean deadLetter(long jobId, long leaseToken, String error, Instant now) {
            if (leaseToken != currentToken) {
                return false;
            }
            buried.add(jobId);
            return true;
        }

        @Override
        public QueueStats stats(Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int attempts(UUID eventId) {
            return 1;
        }

        @Override
        public List<DeadLetter> deadLetters(Optional<Long> afterJobId, int limit) {
            return List.of();
        }

        @Override
        public Optional<UUID> revive(long jobId, Instant now) {
            return Optional.empty();
        }
    }

    private static final class RecordingEvents implements EventStore {
        final List<EventStatus> statuses = new ArrayList<>();

        @Override
        public void updateStatus(UUID eventId, EventStatus status, Optional<String> error) {
            statuses.add(status);
        }

        @Override
        public StoreResult storeIfAbsent(RawEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StoreResult storeIfAbsent(RawEvent event, NewJob job) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<RawEvent> find(UUID eventId) {
            return Optional.empty();
        }

        @Override
        public void markDone(UUID eventId, String email) {
        }

        @Override
        public List<EventSummary> recent(int limit) {
            return List.of();
        }

        @Override
        public long count() {
            return 0;
        }
    }

    private static final class NoAudit implements AuditLog {
        @Override
        public void append(AuditEvent event) {
        }

        @Override
        public List<AuditEvent> byCorrelation(UUID correlationId) {
            return List.of();
        }

        @Override
        public List<AuditEvent> byEntity(String entityType, String entityId) {
            return List.of();
        }
    }
}
