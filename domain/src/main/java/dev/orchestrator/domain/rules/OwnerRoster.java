package dev.orchestrator.domain.rules;

import dev.orchestrator.domain.shared.Require;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A snapshot of owner states by id, as routing sees them for one decision. */
public record OwnerRoster(Map<String, OwnerState> owners) {
    public OwnerRoster {
        owners = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Require.present("owners", owners)));
    }

    public static OwnerRoster of(Collection<OwnerState> states) {
        Map<String, OwnerState> byId = new LinkedHashMap<>();
        states.forEach(state -> byId.put(state.id(), state));
        return new OwnerRoster(byId);
    }

    public static OwnerRoster empty() {
        return new OwnerRoster(Map.of());
    }

    public Optional<OwnerState> find(String ownerId) {
        return Optional.ofNullable(owners.get(ownerId));
    }

    public OwnerRoster with(OwnerState state) {
        Map<String, OwnerState> copy = new LinkedHashMap<>(owners);
        copy.put(state.id(), state);
        return new OwnerRoster(copy);
    }
}
