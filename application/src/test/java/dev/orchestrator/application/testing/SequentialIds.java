package dev.orchestrator.application.testing;

import dev.orchestrator.application.port.out.IdGenerator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable ids: 00000000-0000-0000-0000-000000000001, …2, … */
public final class SequentialIds implements IdGenerator {
    private final AtomicLong next = new AtomicLong(1);

    @Override
    public UUID newId() {
        return new UUID(0L, next.getAndIncrement());
    }
}
