package dev.orchestrator.web.boot;

import dev.orchestrator.application.port.out.IdGenerator;
import java.util.UUID;

/** Production ids: random UUIDs, injected so the core stays deterministic under test. */
final class RandomIds implements IdGenerator {
    @Override
    public UUID newId() {
        return UUID.randomUUID();
    }
}
