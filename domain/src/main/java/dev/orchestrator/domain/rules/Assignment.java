package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.Locale;
import java.util.OptionalInt;

/** What a routing rule does once its conditions hold. */
public sealed interface Assignment permits Assignment.ToPool, Assignment.ToQueue, Assignment.ToAccountOwner {

    enum Strategy {
        ROUND_ROBIN("round-robin"), LEAST_OPEN_LEADS("least-open-leads");

        private final String key;

        Strategy(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Strategy fromKey(String key) {
            for (Strategy strategy : values()) {
                if (strategy.key.equals(key.toLowerCase(Locale.ROOT))) {
                    return strategy;
                }
            }
            throw new dev.orchestrator.domain.shared.DomainViolation("strategy",
                    "unknown strategy '" + key + "' (round-robin, least-open-leads)");
        }
    }

    /** Take turns in a pool; the rule's cap overrides the pool's. */
    record ToPool(String pool, Strategy strategy, OptionalInt capOpenLeads) implements Assignment {
        public ToPool {
            Require.notBlank("pool", pool);
            Require.present("strategy", strategy);
            Require.present("capOpenLeads", capOpenLeads);
            capOpenLeads.ifPresent(cap -> Require.that(cap > 0, "capOpenLeads", "must be positive"));
        }
    }

    record ToQueue(String queue) implements Assignment {
        public ToQueue {
            Require.notBlank("queue", queue);
        }
    }

    /**
     * The owner of the contact's company (the company field {@code owner_id}), when that owner can take it;
     * otherwise routing goes on to the next rule and the decision shows why the account owner lost.
     */
    record ToAccountOwner() implements Assignment {
    }
}
