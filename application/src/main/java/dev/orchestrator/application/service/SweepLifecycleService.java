package dev.orchestrator.application.service;

import dev.orchestrator.application.intake.PayloadHash;
import dev.orchestrator.application.port.in.SweepLifecycleUseCase;
import dev.orchestrator.application.port.out.ContactDirectory;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.JobKind;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.RawEvent;
import dev.orchestrator.application.port.out.SingletonLock;
import dev.orchestrator.application.port.out.StoreResult;
import dev.orchestrator.application.port.out.Transactions;
import dev.orchestrator.domain.crm.Contact;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.intake.EventStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Queues one re-evaluation event per due contact, through the same queue and pipeline as webhooks, so a sweep's
 * decisions are retried, dead-lettered and explained like any other. One event per contact per day (idempotency
 * key), so a sweep that runs twice, or on two instances, queues nothing twice.
 */
public final class SweepLifecycleService implements SweepLifecycleUseCase {
    static final Set<LifecycleStage> OPEN_STAGES = Set.of(LifecycleStage.LEAD, LifecycleStage.MQL,
            LifecycleStage.SQL, LifecycleStage.NURTURE);
    private final ContactDirectory contacts;
    private final EventStore events;
    private final JobQueue jobs;
    private final Transactions transactions;
    private final SingletonLock lock;
    private final IdGenerator ids;
    private final Clock clock;
    private final int maxAttempts;
    private final Optional<EnforceSlaService> sla;

    public SweepLifecycleService(ContactDirectory contacts, EventStore events, JobQueue jobs,
            Transactions transactions, SingletonLock lock, IdGenerator ids, Clock clock, int maxAttempts) {
        this(contacts, events, jobs, transactions, lock, ids, clock, maxAttempts, Optional.empty());
    }

    /** With SLA timers: the same run, under the same lock, also enforces them. */
    public SweepLifecycleService(ContactDirectory contacts, EventStore events, JobQueue jobs,
            Transactions transactions, SingletonLock lock, IdGenerator ids, Clock clock, int maxAttempts,
            Optional<EnforceSlaService> sla) {
        this.sla = sla;
        this.contacts = contacts;
        this.events = events;
        this.jobs = jobs;
        this.transactions = transactions;
        this.lock = lock;
        this.ids = ids;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public SweepReport sweep(SweepCommand command) {
        return lock.ifFree("lifecycle-sweep", () -> {
            EnforceSlaService.SlaReport timers = sla.map(s -> s.enforce(command.limit()))
                    .orElse(EnforceSlaService.SlaReport.NONE);
            return new SweepReport(false, queueDue(command), timers.breaches(), timers.reassigned());
        }).orElse(new SweepReport(true, 0));
    }

    private int queueDue(SweepCommand command) {
        Instant now = clock.instant();
        List<Contact> due = contacts.dueForSweep(OPEN_STAGES, now.minus(command.minAge()), command.limit());
        int queued = 0;
        String day = now.truncatedTo(ChronoUnit.DAYS).toString();
        for (Contact contact : due) {
            byte[] body = ("{\"email\":\"" + contact.email().value() + "\",\"sweptAt\":\"" + now + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            String deliveryId = contact.id() + "@" + day;
            RawEvent event = new RawEvent(ids.newId(), ProcessEventService.SWEEP_SOURCE, deliveryId,
                    ProcessEventService.SWEEP_SOURCE + ":" + deliveryId, now, Optional.of("application/json"),
                    Map.of(), body, PayloadHash.sha256Hex(body), EventStatus.RECEIVED, Optional.empty());
            boolean fresh = transactions.inTransaction(() -> {
                StoreResult stored = events.storeIfAbsent(event);
                if (!stored.duplicate()) {
                    jobs.enqueue(JobKind.PROCESS_EVENT, stored.eventId(), now, maxAttempts);
                }
                return !stored.duplicate();
            });
            if (fresh) {
                queued++;
            }
        }
        return queued;
    }
}
