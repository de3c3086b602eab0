package dev.orchestrator.application.actions;

import dev.orchestrator.application.port.out.actions.ActionJob;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An action job as the planner leaves it, with defaults; tests change what they are about. */
final class ActionJobs {
    static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    private String type = "slack";
    private String target = "#sales-alerts";
    private final Map<String, String> details = new LinkedHashMap<>();

    private ActionJobs() {
        details.put("transitionRule", "sql-on-demo");
        details.put("contact.email", "ada@acme.com");
        details.put("contact.name", "Ada Lovelace");
        details.put("contact.stage", "sql");
        details.put("contact.owner", "owner-01");
        details.put("contact.crmId", "crm-1");
        details.put("score.fit", "40");
        details.put("score.behavior", "30");
        details.put("company.name", "Acme");
        details.put("company.employees", "1200");
        details.put("signals", "demo_requested@2026-01-05T10:00:00Z;form_submitted@2026-01-04T09:00:00Z");
        details.put("dueAt", "2026-01-06T15:15:30Z");
    }

    static ActionJobs anActionJob() {
        return new ActionJobs();
    }

    ActionJobs ofType(String newType, String newTarget) {
        type = newType;
        target = newTarget;
        return this;
    }

    ActionJobs with(String key, String value) {
        details.put(key, value);
        return this;
    }

    ActionJob build() {
        return new ActionJob(ActionJob.keyOf(EVENT, "sql-handoff", 0), EVENT, "c-1", "sql-handoff", 0, type, target,
                details);
    }
}
