package dev.orchestrator.application.port.out.notify;

/** Where an operator alert goes at once: a Slack channel when one is configured, else the log. */
public interface OperatorNotifier {
    /** Best effort: an alert that cannot be delivered is logged, never thrown. */
    void alert(String channel, String reason);
}
