package dev.orchestrator.adapter.classifier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orchestrator.application.port.out.classification.ClassificationInput;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.application.port.out.classification.ClassifierInfo;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A cache by input hash and a daily call budget in front of a classifier. Only answers the model actually gave
 * (accepted or discarded) are cached: a timeout or a 429 says nothing about the input and is asked again. Once the
 * day's budget is spent the answer is {@link ClassifierAnswer.Kind#BUDGET_EXHAUSTED} until midnight UTC.
 */
final class GuardedClassifier implements LeadClassifier {
    private final LeadClassifier inner;
    private final ClassifierBudget budget;
    private final Clock clock;
    private final Cache<String, ClassifierAnswer> answers;
    private LocalDate day;
    private int callsToday;

    GuardedClassifier(LeadClassifier inner, ClassifierBudget budget, Clock clock) {
        this.inner = inner;
        this.budget = budget;
        this.clock = clock;
        this.answers = Caffeine.newBuilder().maximumSize(budget.cacheEntries())
                .expireAfterWrite(budget.cacheFor()).ticker(() -> clock.millis() * 1_000_000L).build();
    }

    @Override
    public ClassifierInfo info() {
        return inner.info();
    }

    @Override
    public ClassifierAnswer classify(ClassificationInput input) {
        String key = input.hash();
        ClassifierAnswer cached = answers.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        if (!spendOneCall()) {
            return new ClassifierAnswer.Unavailable(ClassifierAnswer.Kind.BUDGET_EXHAUSTED,
                    "daily budget of " + budget.callsPerDay() + " classifier calls spent");
        }
        ClassifierAnswer answer = inner.classify(input);
        if (!(answer instanceof ClassifierAnswer.Unavailable)) {
            answers.put(key, answer);
        }
        return answer;
    }

    private synchronized boolean spendOneCall() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            callsToday = 0;
        }
        if (callsToday >= budget.callsPerDay()) {
            return false;
        }
        callsToday++;
        return true;
    }
}
