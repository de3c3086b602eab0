package dev.orchestrator.application.port.in;

/**
 * Asks the lead classifier about one lead and returns what the rules may read ({@code ai.*}) and what the
 * decision trace must show. Nothing is written: the pipeline records the evidence and evaluates the rules.
 */
public interface ClassifyLeadUseCase {
    LeadClassification classify(ClassifyLeadCommand command);
}
