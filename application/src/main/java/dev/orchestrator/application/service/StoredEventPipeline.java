package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.RawEvent;
import java.util.Map;
import java.util.UUID;

/** The lead pipeline over an event already read from the store (the caller read it to choose a handler). */
@FunctionalInterface
public interface StoredEventPipeline {
    ProcessOutcome process(RawEvent raw);

    /** A wave over events already read (see {@link dev.orchestrator.application.port.in.ProcessEventUseCase.Wave}). */
    default Wave openWave() {
        return new Wave() {
            @Override
            public ProcessOutcome process(RawEvent raw) {
                return StoredEventPipeline.this.process(raw);
            }

            @Override
            public void flush() {
            }

            @Override
            public Map<UUID, RuntimeException> commit() {
                return Map.of();
            }
        };
    }

    /** Events processed one after another whose final writes may wait; see {@code ProcessEventUseCase.Wave}. */
    interface Wave {
        ProcessOutcome process(RawEvent raw);

        /** Commits what waits now, before work that must see it; failures are answered by {@link #commit}. */
        void flush();

        /** Commits what waits and answers every event of the wave whose writes failed, with why. */
        Map<UUID, RuntimeException> commit();
    }
}
