package dev.orchestrator.application.port.in;

import java.util.Map;
import java.util.UUID;

/** Runs the pipeline over one stored event: normalize, validate, search the CRM, write, audit each step. */
public interface ProcessEventUseCase {
    ProcessOutcome process(ProcessEventCommand command);

    /** A wave for a worker's batch; by default each event's outcome is written as it is processed. */
    default Wave openWave() {
        return Wave.immediate(this);
    }

    /**
     * A worker's claimed batch, processed one event after another, whose final writes may wait and be committed
     * together: one multi-row statement per table for several leads costs less a lead than a statement list each.
     *
     * <p>An outcome answered by {@link #process} is settled only once {@link #commit} has answered without naming
     * its event; until then nothing about it may be reported (its job marked done, its outcome announced). An event
     * whose writes failed did not happen: its caller applies the error policy as if processing had failed.
     */
    interface Wave {
        ProcessOutcome process(ProcessEventCommand command);

        /** Commits what waits and answers the events whose writes failed, with why; the wave may be used again. */
        Map<UUID, RuntimeException> commit();

        /** The wave of a pipeline that writes each event's outcome at once: nothing ever waits. */
        static Wave immediate(ProcessEventUseCase pipeline) {
            return new Wave() {
                @Override
                public ProcessOutcome process(ProcessEventCommand command) {
                    return pipeline.process(command);
                }

                @Override
                public Map<UUID, RuntimeException> commit() {
                    return Map.of();
                }
            };
        }
    }
}
