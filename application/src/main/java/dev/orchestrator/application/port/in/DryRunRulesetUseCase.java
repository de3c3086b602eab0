package dev.orchestrator.application.port.in;

/**
 * Replays record histories under the active and a proposed ruleset, purely in memory: nothing reaches the CRM,
 * the audit trail or the queue.
 */
public interface DryRunRulesetUseCase {
    DryRunReport dryRun(DryRunQuery query);
}
