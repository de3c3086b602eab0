package dev.orchestrator.adapter.persistence.rules;

import dev.orchestrator.application.port.out.RecentEvents;
import dev.orchestrator.application.port.out.RulesetInForce;
import dev.orchestrator.application.port.out.ShadowStore;
import org.jdbi.v3.core.Jdbi;

/** The public entry of the rules' own tables (migrations V90, V160) and the stored-event reader a live dry run uses. */
public final class RulesPersistence {
    private RulesPersistence() {
    }

    public static ShadowStore shadowStore(Jdbi jdbi) {
        return new JdbiShadowStore(jdbi);
    }

    public static RulesetInForce inForce(Jdbi jdbi) {
        return new JdbiRulesetInForce(jdbi);
    }

    public static RecentEvents recentEvents(Jdbi jdbi) {
        return new JdbiRecentEvents(jdbi);
    }
}
