package dev.orchestrator.application.service;

import java.util.Set;
import java.util.function.Supplier;

/** Where an event's final writes go: committed at once, or kept for its worker's wave ({@link LeadWave}). */
interface FinalWrites {
    /**
     * Called before the event reads state an earlier event of its wave may have written under one of these keys
     * ({@link WaveKeys}); a wave commits what waits when any of them is waiting, so the event sees it.
     */
    void beforeReading(Supplier<Set<String>> keys);

    void write(LeadWrites lead);
}
