package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;

/** A constant written in a condition, with the text it was written as (so explanations echo the author). */
public record Literal(Value value, String source) {
    public Literal {
        Require.present("value", value);
        Require.notBlank("source", source);
        Require.that(!(value instanceof Value.Missing), "value", "a literal cannot be missing");
    }
}
