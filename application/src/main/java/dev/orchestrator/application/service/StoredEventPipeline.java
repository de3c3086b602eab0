package dev.orchestrator.application.service;

import dev.orchestrator.application.port.in.ProcessOutcome;
import dev.orchestrator.application.port.out.RawEvent;

/** The lead pipeline over an event already read from the store (the caller read it to choose a handler). */
@FunctionalInterface
public interface StoredEventPipeline {
    ProcessOutcome process(RawEvent raw);
}
