package dev.orchestrator.application.enrich;

import dev.orchestrator.application.port.out.enrichment.FirmographicField;
import java.util.Optional;

/** What the merge policy decided for one field; each becomes a line of the enrichment audit. */
public sealed interface FieldDecision {
    FirmographicField field();

    /** The rule that decided, for the audit ("fill-empty", "person-entered-wins", …). */
    String rule();

    record Apply(FirmographicField field, Optional<String> before, String after, String provider, double confidence,
            String rule) implements FieldDecision {
    }

    record Keep(FirmographicField field, String current, String offered, String provider, double confidence,
            String rule) implements FieldDecision {
    }
}
