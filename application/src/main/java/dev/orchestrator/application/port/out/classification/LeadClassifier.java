package dev.orchestrator.application.port.out.classification;

/**
 * Reads a lead's free text and proposes fields of our taxonomy (see {@code ClassificationProposal}). The answer
 * is only ever input to the rules. Implementations never throw for an answer the model gave or failed to give:
 * an invalid answer is {@link ClassifierAnswer.Discarded}, no answer is {@link ClassifierAnswer.Unavailable}.
 */
public interface LeadClassifier {
    /** Who answers: recorded beside every proposal in the decision trace. */
    ClassifierInfo info();

    ClassifierAnswer classify(ClassificationInput input);
}
