package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.util.List;

/**
 * What to make of a stage change that happened outside our rules (in the CRM). A person's change is respected
 * whatever the rules say (the team owns its records), and the verdict records whether a rule would have allowed
 * it. Anyone else (a workflow, an import, another integration) may only move a record along a lifecycle rule;
 * a move no rule allows, backward moves included, is illegal: refused and audited.
 */
public sealed interface ExternalStageChange {

    /** The record already has that stage: nothing to change. */
    record Unchanged(LifecycleStage stage) implements ExternalStageChange {
    }

    /** A person's change, respected; {@code allowedBy} the rules that would have made the same move. */
    record Manual(LifecycleStage from, LifecycleStage to, List<String> allowedBy, boolean backward)
            implements ExternalStageChange {
        public Manual {
            Require.present("from", from);
            Require.present("to", to);
            allowedBy = List.copyOf(allowedBy);
        }
    }

    /** A system's change that a lifecycle rule allows: accepted, naming the rules. */
    record AlongRules(LifecycleStage from, LifecycleStage to, List<String> allowedBy) implements ExternalStageChange {
        public AlongRules {
            Require.present("from", from);
            Require.present("to", to);
            allowedBy = List.copyOf(allowedBy);
            Require.that(!allowedBy.isEmpty(), "allowedBy", "must name the rules that allow the move");
        }
    }

    /** A system's change no rule allows: refused, with the reason in words. */
    record Illegal(LifecycleStage from, LifecycleStage to, String reason) implements ExternalStageChange {
        public Illegal {
            Require.present("from", from);
            Require.present("to", to);
            Require.notBlank("reason", reason);
        }
    }

    static ExternalStageChange judge(Ruleset ruleset, LifecycleStage from, LifecycleStage to, boolean byPerson) {
        if (from == to) {
            return new Unchanged(to);
        }
        List<String> allowedBy = ruleset.rulesAllowing(from, to);
        if (byPerson) {
            return new Manual(from, to, allowedBy, StageOrder.isBackward(from, to));
        }
        if (!allowedBy.isEmpty()) {
            return new AlongRules(from, to, allowedBy);
        }
        String reason = StageOrder.isBackward(from, to)
                ? "a move back from " + from.key() + " to " + to.key() + " needs a rule with a reason code, and none allows it"
                : "no lifecycle rule moves a record from " + from.key() + " to " + to.key();
        return new Illegal(from, to, reason);
    }
}
