package dev.orchestrator.application.rules;

import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.shared.Require;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What a fixture expects; only the parts it names are checked. */
public record FixtureExpectation(
        Optional<LifecycleStage> stage,
        Optional<String> owner,
        Optional<String> queue,
        OptionalInt fit,
        OptionalInt behavior,
        OptionalInt total,
        Optional<List<String>> transitions,
        Optional<String> routingRule,
        Optional<List<String>> actions,
        Optional<String> slaBreach,
        Optional<String> crmChange) {

    public FixtureExpectation(Optional<LifecycleStage> stage, Optional<String> owner, Optional<String> queue,
            OptionalInt fit, OptionalInt behavior, OptionalInt total, Optional<List<String>> transitions,
            Optional<String> routingRule, Optional<List<String>> actions) {
        this(stage, owner, queue, fit, behavior, total, transitions, routingRule, actions, Optional.empty(),
                Optional.empty());
    }

    public FixtureExpectation {
        Require.present("slaBreach", slaBreach);
        Require.present("crmChange", crmChange);
        Require.present("stage", stage);
        Require.present("owner", owner);
        Require.present("queue", queue);
        Require.that(owner.isEmpty() || queue.isEmpty(), "expect", "name an owner or a queue, not both");
        Require.present("fit", fit);
        Require.present("behavior", behavior);
        Require.present("total", total);
        transitions = Require.present("transitions", transitions).map(List::copyOf);
        Require.present("routingRule", routingRule);
        actions = Require.present("actions", actions).map(List::copyOf);
        Require.that(stage.isPresent() || owner.isPresent() || queue.isPresent() || fit.isPresent()
                || behavior.isPresent() || total.isPresent() || transitions.isPresent() || routingRule.isPresent()
                || actions.isPresent() || slaBreach.isPresent() || crmChange.isPresent(), "expect", "must expect at least one thing");
    }
}
