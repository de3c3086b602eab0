package dev.orchestrator.domain.crm;

import dev.orchestrator.domain.shared.DomainViolation;
import java.util.Locale;

/** The funnel a contact moves through; names match HubSpot's internal lifecycle stage values where they exist. */
public enum LifecycleStage {
    SUBSCRIBER, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER, NURTURE, DISQUALIFIED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LifecycleStage fromKey(String key) {
        for (LifecycleStage stage : values()) {
            if (stage.key().equals(key)) {
                return stage;
            }
        }
        throw new DomainViolation("stage", "unknown lifecycle stage '" + key + "'");
    }
}
