package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.ResolveOutcome;
import dev.orchestrator.application.port.in.ResolveReviewCommand;
import dev.orchestrator.application.port.in.ResolveReviewUseCase;
import dev.orchestrator.application.port.in.ReviewQueuePage;
import dev.orchestrator.application.port.in.ReviewQueueQuery;
import dev.orchestrator.application.port.in.ReviewQueueUseCase;
import dev.orchestrator.application.port.out.AuditLog;
import dev.orchestrator.application.port.out.EventStore;
import dev.orchestrator.application.port.out.IdGenerator;
import dev.orchestrator.application.port.out.JobKind;
import dev.orchestrator.application.port.out.JobQueue;
import dev.orchestrator.application.port.out.ReviewQueue;
import dev.orchestrator.application.port.out.ReviewQueue.ReviewItem;
import dev.orchestrator.application.port.out.Transactions;
import dev.orchestrator.domain.audit.Actor;
import dev.orchestrator.domain.audit.AuditEvent;
import dev.orchestrator.domain.audit.AuditKind;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The review queue: lists open items and resolves them. Resolving with corrected fields stores them with the item
 * and queues the event again; the pipeline then reads the corrected values over the sent ones (see
 * {@link LeadCorrections}), so the fix goes through the same validation as any lead.
 */
public final class ReviewService implements ReviewQueueUseCase, ResolveReviewUseCase {
    private final ReviewQueue reviews;
    private final JobQueue jobs;
    private final EventStore events;
    private final AuditLog audit;
    private final Transactions transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final int maxAttempts;

    public ReviewService(ReviewQueue reviews, JobQueue jobs, EventStore events, AuditLog audit,
            Transactions transactions, IdGenerator ids, Clock clock, int maxAttempts) {
        this.reviews = reviews;
        this.jobs = jobs;
        this.events = events;
        this.audit = audit;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public ReviewQueuePage openItems(ReviewQueueQuery query) {
        List<ReviewItem> found = reviews.openItems(query.after(), query.pageSize() + 1);
        if (found.size() <= query.pageSize()) {
            return new ReviewQueuePage(found, Optional.empty());
        }
        List<ReviewItem> page = List.copyOf(found.subList(0, query.pageSize()));
        ReviewItem last = page.get(page.size() - 1);
        return new ReviewQueuePage(page, Optional.of(new ReviewQueue.ReviewCursor(last.createdAt(), last.id())));
    }

    @Override
    public Optional<ReviewItem> item(UUID reviewId) {
        return reviews.find(reviewId);
    }

    @Override
    public ResolveOutcome resolve(ResolveReviewCommand command) {
        LeadCorrections.check(command.corrections());
        return transactions.inTransaction(() -> {
            Optional<ReviewItem> item = reviews.find(command.reviewId()).filter(ReviewItem::open);
            Instant now = clock.instant();
            if (item.isEmpty() || !reviews.resolve(command.reviewId(), command.actor(), command.corrections(), now)) {
                return new ResolveOutcome.NotOpen(command.reviewId());
            }
            UUID eventId = item.get().eventId();
            if (command.reprocess()) {
                jobs.enqueue(JobKind.PROCESS_EVENT, eventId, now, maxAttempts);
                events.updateStatus(eventId, EventStatus.RECEIVED, Optional.empty());
            }
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("reviewId", command.reviewId().toString());
            evidence.put("rerun", Boolean.toString(command.reprocess()));
            command.corrections().forEach((field, value) -> evidence.put("corrected." + field, value));
            audit.append(new AuditEvent(ids.newId(), now, AuditKind.REVIEW_RESOLVED, ProcessEventService.EVENT,
                    Optional.of(eventId.toString()), eventId, Actor.user(command.actor()),
                    (command.reprocess() ? "review resolved and event queued again by " : "review dismissed by ")
                            + command.actor(), Optional.empty(), Optional.empty(), evidence));
            return new ResolveOutcome.Resolved(command.reviewId(), eventId, command.reprocess());
        });
    }
}
