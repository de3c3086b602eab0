package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;

/** Where a lead goes: a named owner or a named queue. */
public sealed interface RoutingTarget permits RoutingTarget.Owner, RoutingTarget.Queue {

    /** The owner id, or the queue name prefixed with {@code queue:}, as one comparable word. */
    String label();

    /** {@code pool} is the pool the owner was drawn from, or {@code account} for the account owner. */
    record Owner(String ownerId, String pool) implements RoutingTarget {
        public Owner {
            Require.notBlank("ownerId", ownerId);
            Require.notBlank("pool", pool);
        }

        @Override
        public String label() {
            return ownerId;
        }
    }

    record Queue(String queue) implements RoutingTarget {
        public Queue {
            Require.notBlank("queue", queue);
        }

        @Override
        public String label() {
            return "queue:" + queue;
        }
    }
}
