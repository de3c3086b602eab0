package dev.orchestrator.application.port.in;

/**
 * Lead-to-account: finds the indexed account a lead's company belongs to, comparing it only with the candidates
 * the identity index returns. Nothing is written: the caller merges, queues a review or creates, by the decision.
 */
public interface MatchCompanyUseCase {
    CompanyMatch match(MatchCompanyQuery query);
}
