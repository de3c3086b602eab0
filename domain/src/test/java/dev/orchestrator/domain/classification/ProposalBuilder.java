package dev.orchestrator.domain.classification;

import java.util.ArrayList;
import java.util.List;

/** Proposals with defaults: a qualified, standard-tier lead proposed with middling confidence. */
public final class ProposalBuilder {
    private QualificationStatus status = QualificationStatus.QUALIFIED;
    private int score = 60;
    private RoutingTier tier = RoutingTier.STANDARD;
    private String summary = "Evaluating a data platform";
    private final List<StackItem> stack = new ArrayList<>();
    private FailureCategory failure = FailureCategory.NONE;
    private double confidence = 0.7;
    private boolean review;

    private ProposalBuilder() {
    }

    public static ProposalBuilder aProposal() {
        return new ProposalBuilder();
    }

    public ProposalBuilder withStatus(QualificationStatus value) {
        status = value;
        return this;
    }

    public ProposalBuilder withScore(int value) {
        score = value;
        return this;
    }

    public ProposalBuilder withTier(RoutingTier value) {
        tier = value;
        return this;
    }

    public ProposalBuilder withSummary(String value) {
        summary = value;
        return this;
    }

    public ProposalBuilder withStack(StackItem... items) {
        stack.addAll(List.of(items));
        return this;
    }

    public ProposalBuilder withFailure(FailureCategory value) {
        failure = value;
        return this;
    }

    public ProposalBuilder withConfidence(double value) {
        confidence = value;
        return this;
    }

    public ProposalBuilder needingReview() {
        review = true;
        return this;
    }

    public ClassificationProposal build() {
        return new ClassificationProposal(status, score, tier, summary, stack, failure, confidence, review);
    }
}
