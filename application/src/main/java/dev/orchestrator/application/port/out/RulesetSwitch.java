package dev.orchestrator.application.port.out;

import dev.orchestrator.domain.rules.Ruleset;

/** The active ruleset, and the one place that may replace it (reload, promotion of a shadow ruleset). */
public interface RulesetSwitch extends ActiveRuleset {
    /** Makes {@code next} the active ruleset; answers the one it replaced. */
    Ruleset activate(Ruleset next);
}
