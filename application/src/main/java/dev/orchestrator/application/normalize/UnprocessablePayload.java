package dev.orchestrator.application.normalize;

/** A payload that parsed but has a shape no field map can read: a poison event. */
public final class UnprocessablePayload extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnprocessablePayload(String message) {
        super(message);
    }
}
