package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whose turn it is in each pool: the index of the owner to try first. Passed in and returned by routing, never
 * hidden inside it, so the same state and the same lead always give the same owner.
 */
public record RoundRobinState(Map<String, Integer> cursors) {
    public RoundRobinState {
        Map<String, Integer> copy = new LinkedHashMap<>(Require.present("cursors", cursors));
        copy.values().forEach(cursor -> Require.that(cursor != null && cursor >= 0, "cursors", "must be >= 0"));
        cursors = Collections.unmodifiableMap(copy);
    }

    public static RoundRobinState start() {
        return new RoundRobinState(Map.of());
    }

    public int cursor(String pool) {
        return cursors.getOrDefault(pool, 0);
    }

    public RoundRobinState advance(String pool, int nextCursor) {
        Map<String, Integer> copy = new LinkedHashMap<>(cursors);
        copy.put(pool, nextCursor);
        return new RoundRobinState(copy);
    }
}
