package dev.orchestrator.application.rules;

import dev.orchestrator.domain.rules.EvaluationContext;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.domain.rules.RoundRobinState;
import dev.orchestrator.domain.shared.Require;
import java.util.List;

/**
 * One rule test: a record with its company, signals and moment ({@code given}), owner states that differ from the
 * directory for this case, whose turn it is, and what the ruleset should decide ({@code expect}).
 */
public record RuleFixture(String name, String source, EvaluationContext given, List<OwnerState> ownerOverrides,
        RoundRobinState rotation, FixtureExpectation expect, java.util.Optional<FixtureScenario> scenario) {
    /** A fixture of an event's evaluation. */
    public RuleFixture(String name, String source, EvaluationContext given, List<OwnerState> ownerOverrides,
            RoundRobinState rotation, FixtureExpectation expect) {
        this(name, source, given, ownerOverrides, rotation, expect, java.util.Optional.empty());
    }

    public RuleFixture {
        Require.present("scenario", scenario);
        Require.notBlank("name", name);
        Require.notBlank("source", source);
        Require.present("given", given);
        ownerOverrides = List.copyOf(Require.present("ownerOverrides", ownerOverrides));
        Require.present("rotation", rotation);
        Require.present("expect", expect);
    }
}
