package dev.orchestrator.application.enrich;

import dev.orchestrator.application.port.out.enrichment.FirmographicField;
import java.util.Optional;

/** What the merge policy decided for one field; each becomes a line of the enrichment audit. */
public sealed interface FieldDecision {
    FirmographicField field();

    /** The rule that decided, for the audit ("fill-empty", "source-priority", "trusted-refresh", …). */
    String rule();

    /** Why, in words ("crm-user outranks enrichment"). */
    String why();

    record Apply(FirmographicField field, Optional<String> before, String after, String provider, double confidence,
            String rule, String why) implements FieldDecision {
    }

    record Keep(FirmographicField field, String current, String offered, String provider, double confidence,
            String rule, String why) implements FieldDecision {
    }
}
