package dev.orchestrator.application.enrich;

import dev.orchestrator.domain.shared.Require;

/** A firmographic value the record already holds, and who put it there. */
public record CurrentValue(String value, Origin origin) {
    public enum Origin {
        /** Typed by a person: in the CRM, or on a form. */
        PERSON,
        /** Written by an earlier enrichment. */
        ENRICHMENT
    }

    public CurrentValue {
        Require.notBlank("value", value);
        Require.present("origin", origin);
    }

    public static CurrentValue enteredByPerson(String value) {
        return new CurrentValue(value, Origin.PERSON);
    }

    public static CurrentValue fromEnrichment(String value) {
        return new CurrentValue(value, Origin.ENRICHMENT);
    }
}
