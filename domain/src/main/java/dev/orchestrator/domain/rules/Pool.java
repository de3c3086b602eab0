package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Owners who take turns, in file order. {@code overflow} names the pool tried when nobody here can take the lead;
 * {@code fallbackQueue} the queue used when no pool in the chain can.
 */
public record Pool(String name, List<String> owners, OptionalInt capOpenLeads, Optional<String> overflow,
        Optional<String> fallbackQueue) {
    public Pool {
        Require.notBlank("pool.name", name);
        owners = List.copyOf(Require.present("pool.owners", owners));
        owners.forEach(owner -> Require.notBlank("pool.owners", owner));
        Require.that(new HashSet<>(owners).size() == owners.size(), "pool.owners", "must not repeat an owner");
        Require.present("pool.capOpenLeads", capOpenLeads);
        capOpenLeads.ifPresent(cap -> Require.that(cap > 0, "pool.capOpenLeads", "must be positive"));
        Require.present("pool.overflow", overflow);
        Require.present("pool.fallbackQueue", fallbackQueue);
    }
}
