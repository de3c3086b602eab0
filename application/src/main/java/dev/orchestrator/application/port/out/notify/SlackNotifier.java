package dev.orchestrator.application.port.out.notify;

/**
 * Posts to Slack through an incoming webhook. Slack takes no idempotency key: a message posted is posted, so the
 * caller records the send the moment this returns.
 */
public interface SlackNotifier {
    /** False when no webhook URL is configured: Slack actions are then skipped, and said so in the audit trail. */
    boolean configured();

    /** Returns once Slack answered 2xx; otherwise throws {@link DeliveryFailure}. */
    void send(SlackMessage message);
}
