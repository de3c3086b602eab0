package dev.orchestrator.domain.audit;

import dev.orchestrator.domain.shared.Require;

/** Who made a decision: a rule, a person, or the system itself. */
public record Actor(Type type, String name) {
    public enum Type { SYSTEM, RULE, USER }

    public Actor {
        Require.present("actor.type", type);
        Require.notBlank("actor.name", name);
    }

    public static Actor system(String component) {
        return new Actor(Type.SYSTEM, component);
    }

    public static Actor rule(String ruleId) {
        return new Actor(Type.RULE, ruleId);
    }

    public static Actor user(String username) {
        return new Actor(Type.USER, username);
    }
}
