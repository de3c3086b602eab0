package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.List;

/** An action made due by a transition, with the action rule's own conditions as evidence. */
public record TriggeredAction(String actionRuleId, String transitionRuleId, ActionSpec action,
        List<ConditionResult> conditions) {
    public TriggeredAction {
        Require.notBlank("actionRuleId", actionRuleId);
        Require.notBlank("transitionRuleId", transitionRuleId);
        Require.present("action", action);
        conditions = List.copyOf(Require.present("conditions", conditions));
    }
}
