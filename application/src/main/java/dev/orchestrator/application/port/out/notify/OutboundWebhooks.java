package dev.orchestrator.application.port.out.notify;

/**
 * Signed outbound webhooks (Standard Webhooks) to the endpoints the operator configured, one per route:
 * {@link #SEQUENCE} for sequence enrolment / nurture start, {@link #DEFAULT} for any other action.
 */
public interface OutboundWebhooks {
    String SEQUENCE = "sequence";
    String DEFAULT = "default";

    boolean configured(String route);

    /** Returns once the endpoint answered 2xx; otherwise throws {@link DeliveryFailure}. */
    void deliver(String route, OutboundMessage message);
}
