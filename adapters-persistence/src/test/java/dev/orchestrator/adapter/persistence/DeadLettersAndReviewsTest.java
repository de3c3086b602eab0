package dev.orchestrator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.persistence.testing.TestDatabase;
import dev.orchestrator.application.port.out.ClaimedJob;
import dev.orchestrator.application.port.out.DeadLetter;
import dev.orchestrator.application.port.out.ReviewQueue;
import dev.orchestrator.application.port.out.ReviewQueue.FieldProblem;
import dev.orchestrator.application.testing.MutableClock;
import dev.orchestrator.application.testing.SequentialIds;
import dev.orchestrator.domain.intake.EventStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLettersAndReviewsTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final SequentialIds ids = new SequentialIds();
    private PersistenceAdapter persistence;
    private StoredEvents stored;

    @BeforeEach
    void setUp() {
        persistence = PersistenceAdapter.create(TestDatabase.fresh(), clock, ids);
        stored = new StoredEvents(persistence);
    }

    @Test
    void deadLettersComeNewestFirstInPagesWithTheirErrorAndEvent() {
        long first = bury("a@acme.com", "HTTP 503");
        long second = bury("b@acme.com", "HTTP 500");

        List<DeadLetter> page = persistence.jobs().deadLetters(Optional.empty(), 1);
        List<DeadLetter> next = persistence.jobs().deadLetters(Optional.of(page.get(0).jobId()), 1);

        assertThat(page).singleElement().satisfies(d -> {
            assertThat(d.jobId()).isEqualTo(second);
            assertThat(d.error()).isEqualTo("HTTP 500");
            assertThat(d.email()).hasValue("b@acme.com");
            assertThat(d.attempts()).isEqualTo(1);
        });
        assertThat(next).extracting(DeadLetter::jobId).containsExactly(first);
    }

    @Test
    void aRevivedJobIsReadyWithItsAttemptsResetAndIsRevivedOnlyOnce() {
        long jobId = bury("c@acme.com", "HTTP 503");

        assertThat(persistence.jobs().revive(jobId, clock.instant())).isPresent();
        assertThat(persistence.jobs().revive(jobId, clock.instant())).isEmpty();
        List<ClaimedJob> claimed = persistence.jobs().claim(10, Duration.ofSeconds(30), clock.instant());
        assertThat(claimed).singleElement().satisfies(job -> assertThat(job.attempt()).isEqualTo(1));
        assertThat(persistence.jobs().deadLetters(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aResolvedReviewKeepsWhoResolvedItAndTheCorrectionsForItsEvent() {
        UUID event = stored.event(ids.newId(), "form", T0, Optional.empty(), EventStatus.REVIEW);
        ReviewQueue reviews = persistence.reviews();
        UUID item = reviews.open(event, "validation", List.of(new FieldProblem("email", "is not an email")), T0);

        assertThat(reviews.openItems(Optional.empty(), 10)).extracting(ReviewQueue.ReviewItem::id).containsExactly(item);
        assertThat(reviews.resolve(item, "olive", Map.of("email", "jo@acme.com"), T0.plusSeconds(5))).isTrue();
        assertThat(reviews.resolve(item, "olive", Map.of(), T0.plusSeconds(6))).isFalse();

        assertThat(reviews.openItems(Optional.empty(), 10)).isEmpty();
        assertThat(reviews.corrections(event)).containsExactly(Map.entry("email", "jo@acme.com"));
        assertThat(reviews.find(item)).hasValueSatisfying(found -> {
            assertThat(found.open()).isFalse();
            assertThat(found.resolvedBy()).hasValue("olive");
            assertThat(found.problems()).containsExactly(new FieldProblem("email", "is not an email"));
        });
    }

    @Test
    void openReviewItemsArePagedOldestFirst() {
        UUID event = stored.event(ids.newId(), "form", T0, Optional.empty(), EventStatus.REVIEW);
        ReviewQueue reviews = persistence.reviews();
        UUID older = reviews.open(event, "validation", List.of(), T0);
        UUID newer = reviews.open(event, "validation", List.of(), T0.plusSeconds(1));

        List<ReviewQueue.ReviewItem> first = reviews.openItems(Optional.empty(), 1);
        List<ReviewQueue.ReviewItem> second = reviews.openItems(Optional.of(new ReviewQueue.ReviewCursor(
                first.get(0).createdAt(), first.get(0).id())), 1);

        assertThat(first).extracting(ReviewQueue.ReviewItem::id).containsExactly(older);
        assertThat(second).extracting(ReviewQueue.ReviewItem::id).containsExactly(newer);
    }

    private long bury(String email, String error) {
        stored.event(ids.newId(), "form", clock.instant(), Optional.of(email), EventStatus.RECEIVED);
        ClaimedJob job = persistence.jobs().claim(1, Duration.ofSeconds(30), clock.instant()).get(0);
        persistence.jobs().deadLetter(job.id(), job.leaseToken(), error, clock.instant());
        clock.advance(Duration.ofSeconds(1));
        return job.id();
    }
}
