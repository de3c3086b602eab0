package dev.orchestrator.application.service;

import dev.orchestrator.application.audit.OwnerReassignment;
import dev.orchestrator.application.audit.RequestPacer;
import dev.orchestrator.application.port.in.audit.BackfillItem;
import dev.orchestrator.application.port.in.audit.BackfillJob;
import dev.orchestrator.application.port.in.audit.BackfillRunReport;
import dev.orchestrator.application.port.in.audit.CrmAuditReport;
import dev.orchestrator.application.port.in.audit.CrmBackfillUseCase;
import dev.orchestrator.application.port.in.audit.DuplicateCluster;
import dev.orchestrator.application.port.in.audit.Finding;
import dev.orchestrator.application.port.in.audit.FindingKind;
import dev.orchestrator.application.port.in.audit.FixKind;
import dev.orchestrator.application.port.in.audit.ItemStatus;
import dev.orchestrator.application.port.in.audit.JobStatus;
import dev.orchestrator.application.port.in.audit.PlanBackfillCommand;
import dev.orchestrator.application.port.in.audit.RunBackfillCommand;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.BackfillJobStore;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.Sleeper;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.application.port.out.crm.CrmRecordFixes;
import dev.orchestrator.application.port.out.crm.RecordField;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.shared.DomainViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Plans the audit's fixes as stored items (the dry run), then runs the pending ones in order through the CRM's
 * fix port, one paced request at a time, saving each item as it finishes: a run stopped or killed between items
 * resumes at the first unfinished one, and an item cut off mid-way is redone (a field write and a merge are both
 * idempotent). A field is only written when it still holds the value the dry run saw.
 */
public final class CrmBackfillService implements CrmBackfillUseCase {
    private static final String COMPONENT = "crm-backfill";

    private final CrmRecordFixes crm;
    private final BackfillJobStore store;
    private final AuditLog audit;
    private final OwnerReassignment owners;
    private final IdGenerator ids;
    private final Clock clock;
    private final Sleeper sleeper;

    public CrmBackfillService(CrmRecordFixes crm, BackfillJobStore store, AuditLog audit, OwnerReassignment owners,
            IdGenerator ids, Clock clock, Sleeper sleeper) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public BackfillJob plan(PlanBackfillCommand command) {
        CrmAuditReport report = command.report();
        UUID jobId = ids.newId();
        Set<String> mergedAway = new HashSet<>();
        report.clusters().forEach(c -> c.mergedIds().forEach(id -> mergedAway.add(c.recordType().key() + ":" + id)));
        List<BackfillItem> items = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        int ownerless = 0;
        for (Finding f : report.findings()) {
            if (mergedAway.contains(f.recordType().key() + ":" + f.recordId())) {
                continue; // it will be gone; the survivor is what gets fixed
            }
            Optional<BackfillItem> item = Optional.empty();
            if (f.kind() == FindingKind.CONTACT_WITHOUT_OWNER || f.kind() == FindingKind.INACTIVE_OWNER) {
                Optional<String> owner = owners.ownerFor(f.recordId(), ownerless, report.activeOwners());
                if (owner.isPresent()) {
                    ownerless++;
                    item = Optional.of(item(jobId, items.size(), FixKind.REASSIGN_OWNER, f, f.value(), owner.get()));
                }
            } else if (f.field().isPresent() && f.proposed().isPresent() && !f.proposed().get().equals(f.value())
                    && f.field().get() != RecordField.EMAIL) {
                item = Optional.of(item(jobId, items.size(), FixKind.SET_FIELD, f, f.value(), f.proposed().get()));
            }
            if (item.isPresent() && planned.add(key(item.get()))) {
                items.add(item.get());
            }
        }
        for (DuplicateCluster cluster : report.clusters()) {
            ItemStatus status = cluster.size() > command.approvalAbove() ? ItemStatus.AWAITING_APPROVAL
                    : ItemStatus.PENDING;
            items.add(new BackfillItem(jobId, items.size(), FixKind.MERGE, cluster.recordType(), cluster.survivorId(),
                    Optional.empty(), String.join(", ", cluster.labels()), cluster.survivorId(), cluster.mergedIds(),
                    status, String.join("; ", cluster.evidence()), ""));
        }
        BackfillJob job = new BackfillJob(jobId, report.source(), clock.instant(), command.actor(), JobStatus.PLANNED,
                items.size(), 0, 0);
        store.create(job, items);
        return job;
    }

    private static BackfillItem item(UUID jobId, int seq, FixKind kind, Finding f, String before, String after) {
        return new BackfillItem(jobId, seq, kind, f.recordType(), f.recordId(),
                Optional.of(kind == FixKind.REASSIGN_OWNER ? RecordField.OWNER : f.field().orElseThrow()), before,
                after, List.of(), ItemStatus.PENDING, f.kind().key() + ": " + f.detail(), "");
    }

    private static String key(BackfillItem item) {
        return item.recordType().key() + ":" + item.recordId() + ":" + item.field().map(RecordField::key).orElse("");
    }

    @Override
    public BackfillRunReport run(RunBackfillCommand command) {
        BackfillJob job = existing(command.jobId());
        Require.state(job.status() != JobStatus.UNDONE, "job " + job.id() + " was undone; plan a new one");
        store.status(job.id(), JobStatus.RUNNING);
        Run run = new Run(job, command);
        JobStatus end = JobStatus.FINISHED;
        for (BackfillItem item : store.items(job.id())) {
            if (item.status() == ItemStatus.AWAITING_APPROVAL) {
                run.awaiting++;
                continue;
            }
            if (item.status() != ItemStatus.PENDING) {
                continue;
            }
            if (command.stop().getAsBoolean()) {
                end = JobStatus.STOPPED;
                break;
            }
            Optional<JobStatus> stopped = run.execute(item, this::apply);
            if (stopped.isPresent()) {
                end = stopped.get();
                break;
            }
        }
        store.status(job.id(), end);
        return run.report();
    }

    @Override
    public BackfillRunReport undo(RunBackfillCommand command) {
        BackfillJob job = existing(command.jobId());
        Run run = new Run(job, command);
        List<BackfillItem> items = new ArrayList<>(store.items(job.id()));
        java.util.Collections.reverse(items);
        JobStatus end = JobStatus.UNDONE;
        for (BackfillItem item : items) {
            if (item.status() != ItemStatus.DONE || item.kind() == FixKind.MERGE) {
                continue;
            }
            if (command.stop().getAsBoolean()) {
                end = JobStatus.STOPPED;
                break;
            }
            Optional<JobStatus> stopped = run.execute(item, this::revert);
            if (stopped.isPresent()) {
                end = stopped.get();
                break;
            }
        }
        store.status(job.id(), end);
        return run.report();
    }

    @Override
    public BackfillItem approve(UUID jobId, int seq, String actor) {
        BackfillItem item = store.items(jobId).stream().filter(i -> i.seq() == seq).findFirst()
                .orElseThrow(() -> new DomainViolation("seq", "job " + jobId + " has no item " + seq));
        Require.state(item.status() == ItemStatus.AWAITING_APPROVAL, "item " + seq + " is not waiting for approval");
        BackfillItem approved = item.withStatus(ItemStatus.PENDING, item.before(), "approved by " + actor);
        store.update(approved, 0);
        return approved;
    }

    @Override
    public Optional<BackfillJob> job(UUID jobId) {
        return store.job(jobId);
    }

    @Override
    public Optional<BackfillJob> latest() {
        return store.latest();
    }

    @Override
    public List<BackfillItem> items(UUID jobId) {
        return store.items(jobId);
    }

    private BackfillJob existing(UUID jobId) {
        return store.job(jobId).orElseThrow(() -> new DomainViolation("jobId", "no backfill job " + jobId));
    }

    /** The outcome of one item: its new state and the requests it made. */
    private record Outcome(BackfillItem item, long requests, Optional<AuditEvent> event) {
    }

    @FunctionalInterface
    private interface Step {
        Outcome apply(BackfillItem item, RequestPacer pacer, RunBackfillCommand command) throws InterruptedException;
    }

    private Outcome apply(BackfillItem item, RequestPacer pacer, RunBackfillCommand command)
            throws InterruptedException {
        if (item.kind() == FixKind.MERGE) {
            long requests = 0;
            List<String> merged = new ArrayList<>();
            for (String loser : item.mergeIds()) {
                pacer.acquire();
                requests++;
                if (crm.merge(item.recordType(), item.recordId(), loser)) {
                    // the check of the loser's state and the merge: the next request waits its turn after both
                    requests++;
                    pacer.acquire();
                    merged.add(loser);
                }
            }
            BackfillItem done = item.withStatus(ItemStatus.DONE, item.before(),
                    "merged " + String.join(", ", item.mergeIds()) + " into " + item.recordId());
            return new Outcome(done, requests, Optional.of(event(command, AuditKind.MERGED, item,
                    "merged " + item.mergeIds().size() + " duplicate(s) into " + item.recordId(),
                    evidence(item, "merged", String.join(",", item.mergeIds()), "reason", item.reason()))));
        }
        RecordField field = item.field().orElseThrow();
        pacer.acquire();
        String current = crm.read(item.recordType(), item.recordId(), Set.of(field)).getOrDefault(field, "");
        if (current.equals(item.after())) {
            return new Outcome(item.withStatus(ItemStatus.DONE, item.before(), "already " + item.after()), 1,
                    Optional.empty());
        }
        if (!current.equals(item.before())) {
            return new Outcome(item.withStatus(ItemStatus.SKIPPED, item.before(), "changed since the dry run: now '"
                    + current + "', left alone"), 1, Optional.empty());
        }
        pacer.acquire();
        crm.write(item.recordType(), item.recordId(), Map.of(field, item.after()));
        AuditKind kind = item.kind() == FixKind.REASSIGN_OWNER ? AuditKind.ROUTED : AuditKind.CORRECTED;
        return new Outcome(item.withStatus(ItemStatus.DONE, current, "written"), 2, Optional.of(event(command, kind,
                item, field.key() + ": '" + current + "' → '" + item.after() + "'",
                evidence(item, "before", current, "after", item.after()))));
    }

    private Outcome revert(BackfillItem item, RequestPacer pacer, RunBackfillCommand command)
            throws InterruptedException {
        RecordField field = item.field().orElseThrow();
        pacer.acquire();
        String current = crm.read(item.recordType(), item.recordId(), Set.of(field)).getOrDefault(field, "");
        if (!current.equals(item.after())) {
            return new Outcome(item.withStatus(ItemStatus.DONE, item.before(), "not undone: changed since to '"
                    + current + "'"), 1, Optional.empty());
        }
        pacer.acquire();
        crm.write(item.recordType(), item.recordId(), Map.of(field, item.before()));
        return new Outcome(item.withStatus(ItemStatus.UNDONE, item.before(), "undone"), 2, Optional.of(event(command,
                AuditKind.CORRECTED, item, "undo " + field.key() + ": '" + item.after() + "' → '" + item.before() + "'",
                evidence(item, "before", item.after(), "after", item.before()))));
    }

    private Map<String, String> evidence(BackfillItem item, String k1, String v1, String k2, String v2) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("job", item.jobId().toString());
        evidence.put("item", Integer.toString(item.seq()));
        evidence.put("fix", item.kind().name().toLowerCase(java.util.Locale.ROOT));
        item.field().ifPresent(f -> evidence.put("field", f.key()));
        evidence.put(k1, v1);
        evidence.put(k2, v2);
        return evidence;
    }

    private AuditEvent event(RunBackfillCommand command, AuditKind kind, BackfillItem item, String summary,
            Map<String, String> evidence) {
        return new AuditEvent(ids.newId(), clock.instant(), kind, item.recordType().key(),
                Optional.of(item.recordId()), item.jobId(), Actor.user(command.actor()), summary, Optional.empty(),
                Optional.empty(), evidence);
    }

    /** One run's pacing, daily budget and tallies. */
    private final class Run {
        private final BackfillJob job;
        private final RunBackfillCommand command;
        private final RequestPacer pacer;
        private final Instant started;
        private LocalDate day;
        private long usedToday;
        private long requests;
        private int done;
        private int skipped;
        private int failed;
        private int awaiting;

        Run(BackfillJob job, RunBackfillCommand command) {
            this.job = job;
            this.command = command;
            this.pacer = new RequestPacer(command.rate().perSecond(), clock, sleeper);
            this.started = clock.instant();
            this.day = today();
            this.usedToday = store.requestsOn(job.crm(), day);
        }

        /** Runs one item; a present result ends the run with that status. */
        Optional<JobStatus> execute(BackfillItem item, Step step) {
            LocalDate now = today();
            if (!now.equals(day)) {
                day = now;
                usedToday = store.requestsOn(job.crm(), day);
            }
            // an item costs at most two requests, a merge two per merged record (CrmRecordFixes.merge)
            long worst = item.kind() == FixKind.MERGE ? 2L * item.mergeIds().size() : 2;
            if (usedToday + worst > command.rate().perDay()) {
                return Optional.of(JobStatus.DAILY_LIMIT);
            }
            Outcome outcome;
            try {
                outcome = step.apply(item, pacer, command);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(JobStatus.STOPPED);
            } catch (CrmFailure e) {
                if (e.kind() == CrmFailure.Kind.RETRYABLE) {
                    return Optional.of(JobStatus.STOPPED);
                }
                outcome = new Outcome(item.withStatus(ItemStatus.FAILED, item.before(), e.getMessage()), 1,
                        Optional.empty());
            }
            outcome.event().ifPresent(audit::append);
            store.update(outcome.item(), outcome.requests());
            store.countRequests(job.crm(), day, outcome.requests());
            usedToday += outcome.requests();
            requests += outcome.requests();
            switch (outcome.item().status()) {
                case DONE, UNDONE -> done++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
                default -> { }
            }
            return Optional.empty();
        }

        private LocalDate today() {
            return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }

        BackfillRunReport report() {
            return new BackfillRunReport(store.job(job.id()).orElseThrow(), done, skipped, failed, awaiting, requests,
                    Duration.between(started, clock.instant()));
        }
    }

    /** Refusals of a state the caller should have checked. */
    private static final class Require {
        static void state(boolean condition, String message) {
            if (!condition) {
                throw new DomainViolation("job", message);
            }
        }
    }
}
