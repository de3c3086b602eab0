package dev.orchestrator.application.actions;

/** What an executor did with an action: delivered it on a channel, or left it out (and why). */
public sealed interface ActionResult {
    String channel();

    /** Delivered: the receiver answered 2xx (or the CRM returned the record's id). */
    record Sent(String channel, String detail) implements ActionResult {
    }

    /** Not delivered and never will be as configured (no Slack URL, no webhook URL): nothing to retry. */
    record Skipped(String channel, String reason) implements ActionResult {
    }
}
