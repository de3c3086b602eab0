package dev.orchestrator.application.port.out;

/**
 * Whether a mail domain can receive mail at all (DNS MX, else A/AAAA per RFC 5321 §5.1). Optional: offline and in
 * the sandbox it is {@link #OFF}, which never blocks a lead.
 */
public interface MailDeliverability {
    Verdict check(String domain);

    /** {@code UNKNOWN} (lookup failed or switched off) never sends a lead to review; only a definite no does. */
    enum Verdict {
        DELIVERABLE, NO_MAIL_SERVER, UNKNOWN
    }

    MailDeliverability OFF = domain -> Verdict.UNKNOWN;
}
