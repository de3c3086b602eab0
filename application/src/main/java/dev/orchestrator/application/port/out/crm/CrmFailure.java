package dev.orchestrator.application.port.out.crm;

import java.time.Duration;
import java.util.Optional;

/**
 * A CRM call that did not succeed, classified once where the CRM's answer is understood (the adapter), so the
 * error policy can decide: retry later, send to review, or alert an operator.
 */
public final class CrmFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { RETRYABLE, REVIEW, ALERT }

    private final Kind kind;
    private final transient Optional<Duration> retryAfter;

    public CrmFailure(Kind kind, String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public CrmFailure(Kind kind, String message) {
        this(kind, message, Optional.empty(), null);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
