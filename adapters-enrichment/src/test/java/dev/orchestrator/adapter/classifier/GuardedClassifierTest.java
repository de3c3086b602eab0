package dev.orchestrator.adapter.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.adapter.enrichment.testing.MutableClock;
import dev.orchestrator.application.port.out.classification.ClassificationInput;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.application.port.out.classification.ClassifierInfo;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuardedClassifierTest {
    private static final ClassifierAnswer DISCARDED = new ClassifierAnswer.Discarded("not JSON", "oops");
    private static final ClassifierAnswer RATE_LIMITED =
            new ClassifierAnswer.Unavailable(ClassifierAnswer.Kind.RATE_LIMITED, "rate limited (429)");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T23:00:00Z"));

    /** Answers from a script, counting calls. */
    private static final class Counting implements LeadClassifier {
        private final Deque<ClassifierAnswer> script;
        private int calls;

        Counting(ClassifierAnswer... answers) {
            script = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public ClassifierInfo info() {
            return new ClassifierInfo("counting", "m", "p1");
        }

        @Override
        public ClassifierAnswer classify(ClassificationInput input) {
            calls++;
            return script.size() > 1 ? script.pollFirst() : script.peekFirst();
        }
    }

    private static ClassificationInput input(String message) {
        return new ClassificationInput(message, Optional.empty(), Optional.empty(), Map.of());
    }

    @Test
    void the_same_input_is_answered_from_the_cache() {
        Counting inner = new Counting(DISCARDED);
        GuardedClassifier guarded = new GuardedClassifier(inner, new ClassifierBudget(10, 100, Duration.ofHours(1)),
                clock);

        guarded.classify(input("hello"));
        ClassifierAnswer second = guarded.classify(input("hello"));

        assertThat(second).isEqualTo(DISCARDED);
        assertThat(inner.calls).isEqualTo(1);
    }

    @Test
    void a_cached_answer_expires() {
        Counting inner = new Counting(DISCARDED);
        GuardedClassifier guarded = new GuardedClassifier(inner, new ClassifierBudget(10, 100, Duration.ofMinutes(5)),
                clock);

        guarded.classify(input("hello"));
        clock.advance(Duration.ofMinutes(6));
        guarded.classify(input("hello"));

        assertThat(inner.calls).isEqualTo(2);
    }

    @Test
    void an_unavailable_answer_is_not_cached() {
        Counting inner = new Counting(RATE_LIMITED, DISCARDED);
        GuardedClassifier guarded = new GuardedClassifier(inner, new ClassifierBudget(10, 100, Duration.ofHours(1)),
                clock);

        assertThat(guarded.classify(input("hello"))).isEqualTo(RATE_LIMITED);
        assertThat(guarded.classify(input("hello"))).isEqualTo(DISCARDED);
        assertThat(inner.calls).isEqualTo(2);
    }

    @Test
    void past_the_daily_budget_no_call_is_made_until_the_next_utc_day() {
        Counting inner = new Counting(DISCARDED);
        GuardedClassifier guarded = new GuardedClassifier(inner, new ClassifierBudget(2, 100, Duration.ofHours(1)),
                clock);

        guarded.classify(input("a"));
        guarded.classify(input("b"));
        ClassifierAnswer third = guarded.classify(input("c"));
        clock.advance(Duration.ofHours(1));
        ClassifierAnswer nextDay = guarded.classify(input("c"));

        assertThat(third).isInstanceOfSatisfying(ClassifierAnswer.Unavailable.class, u -> {
            assertThat(u.kind()).isEqualTo(ClassifierAnswer.Kind.BUDGET_EXHAUSTED);
            assertThat(u.reason()).isEqualTo("daily budget of 2 classifier calls spent");
        });
        assertThat(nextDay).isEqualTo(DISCARDED);
        assertThat(inner.calls).isEqualTo(3);
    }
}
