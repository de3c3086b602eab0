package dev.orchestrator.application.rules;

import dev.orchestrator.domain.rules.Evaluation;
import dev.orchestrator.domain.shared.Require;
import java.util.List;

/** A fixture's verdict: the differences from what it expected (none when it passed) and the full evaluation. */
public record FixtureResult(RuleFixture fixture, List<Mismatch> mismatches, Evaluation evaluation) {
    public FixtureResult {
        Require.present("fixture", fixture);
        mismatches = List.copyOf(Require.present("mismatches", mismatches));
        Require.present("evaluation", evaluation);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }

    public record Mismatch(String field, String expected, String actual) {
        public Mismatch {
            Require.notBlank("field", field);
            Require.present("expected", expected);
            Require.present("actual", actual);
        }
    }
}
