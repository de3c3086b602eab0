package dev.orchestrator.application.port.in.archfixture;

/** Deliberate violation: an in-port not named *UseCase. */
public interface IngestThings {
    void ingest();
}
