package dev.orchestrator.application.port.out;

/** The kinds of work the queue carries. */
public enum JobKind {
    PROCESS_EVENT("process-event"),
    /** One action a decision made due (Slack, CRM task, sequence, outbound webhook), queued in its outbox. */
    RUN_ACTION("run-action");

    private final String key;

    JobKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static JobKind fromKey(String key) {
        for (JobKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown job kind " + key);
    }
}
