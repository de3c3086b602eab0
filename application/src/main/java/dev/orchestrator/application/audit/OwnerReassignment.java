package dev.orchestrator.application.audit;

import java.util.List;
import java.util.Optional;

/** Who takes a record that has no active owner; pluggable so routing rules can take this place. */
@FunctionalInterface
public interface OwnerReassignment {
    /** The owner for the {@code index}-th record needing one, from the active owners; empty when there are none. */
    Optional<String> ownerFor(String recordId, int index, List<String> activeOwners);

    /** Active owners in turn, in the CRM's order: every owner gets the same share. */
    static OwnerReassignment roundRobin() {
        return (recordId, index, owners) -> owners.isEmpty() ? Optional.empty()
                : Optional.of(owners.get(index % owners.size()));
    }
}
