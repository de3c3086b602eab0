package dev.orchestrator.application.intake;

/** The outcome of checking a webhook's signature: who it is (the sender's delivery id) or why it was refused. */
public sealed interface SignatureCheck {

    /** The signature holds; {@code deliveryId} is the sender's id for this event, stable across redeliveries. */
    record Valid(String deliveryId) implements SignatureCheck {
    }

    record Invalid(Reason reason, String detail) implements SignatureCheck {
    }

    enum Reason { MISSING_HEADER, MALFORMED_HEADER, BAD_SIGNATURE, STALE_TIMESTAMP }
}
