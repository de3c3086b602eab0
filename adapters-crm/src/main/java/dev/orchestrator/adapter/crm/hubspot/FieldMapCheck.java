package dev.orchestrator.adapter.crm.hubspot;

import java.util.List;

/**
 * What a portal's property definitions say about a field map: each problem names the canonical field or stage,
 * the property or option it maps to, and what the portal has instead. No problems: every write can land.
 */
public record FieldMapCheck(List<String> problems) {
    public FieldMapCheck {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** For start-up: fail fast with every problem at once. */
    public void orThrow() {
        if (!ok()) {
            throw new IllegalStateException("HubSpot field map does not fit the portal:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
