package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A permitted move from any of {@code from} to {@code to} when the conditions hold. A move back along the
 * funnel (say sql to lead) must carry a reason code; moves into nurture or disqualified are exits, not reversals.
 */
public record LifecycleRule(String id, Set<LifecycleStage> from, LifecycleStage to, ConditionSet when,
        Optional<String> reason) {
    public LifecycleRule {
        Require.notBlank("id", id);
        Require.present("from", from);
        Require.that(!from.isEmpty(), "from", "must name at least one stage");
        from = Set.copyOf(EnumSet.copyOf(from));
        Require.present("to", to);
        Require.that(!from.contains(to), "to", "must differ from every 'from' stage");
        Require.present("when", when);
        Require.that(!when.isEmpty(), "when", "a transition needs at least one condition");
        Require.present("reason", reason);
        if (reason.isEmpty()) {
            for (LifecycleStage source : from) {
                Require.that(!StageOrder.isBackward(source, to), "reason",
                        "a move back from " + source.key() + " to " + to.key() + " needs a reason code");
            }
        }
    }
}
